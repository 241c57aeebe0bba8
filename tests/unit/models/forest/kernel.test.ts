/**
 * One-channel forests grow the same trees with the WebAssembly row loops as
 * with the JavaScript ones (bootstrap counts and weights are whole sums, added
 * in the same order; partitions keep the same row order).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forestModel } from '$models/forest';
import { RowKernel } from '$models/shared/tree/row-kernel';
import { context } from '../gbdt/helpers';
import { loadSplit } from '../split-fixture';

const churn = loadSplit('wa_churn.split.csv', 'churn', 'Yes');
afterEach(() => vi.restoreAllMocks());

describe('forest row loops in WebAssembly', () => {
	it.each([
		['bootstrap, sqrt features', {}],
		['weighted, no bootstrap, half the features, shallow', { bootstrap: false, maxFeatures: 0.5, maxDepth: 5 }]
	])('grow the telco churn forest exactly as the JavaScript loops (%s)', async (_, change) => {
		const data = { ...churn.train, weights: Float64Array.from({ length: churn.train.y.length }, (_, r) => 1 + (r % 3)) };
		const params = { ...forestModel.defaults, nEstimators: 12, ...change };
		const created = vi.spyOn(RowKernel, 'create');
		const kernel = await forestModel.fit(data, params, context(5));
		expect(created.mock.results.some((r) => r.value instanceof RowKernel)).toBe(true);
		created.mockReturnValue(null);
		expect(await forestModel.fit(data, params, context(5))).toEqual(kernel);
	});
});
