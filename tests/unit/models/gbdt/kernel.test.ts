/**
 * The WebAssembly row loops (histograms, partitions, binary gradients as
 * pairs, margin updates) and the JavaScript ones grow the same boosted trees: the same sums
 * in the same order, the same row order after every split.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { gbdtModel, type GbdtParams, type GbdtState } from '$models/gbdt';
import type { Dataset } from '$models';
import { RowKernel } from '$models/shared/tree/row-kernel';
import { BoostRows } from '$models/gbdt/boost-rows';
import { buildDataset, planFeatures } from '$models/shared/features';
import { DATASETS, loadCsv } from '../auto/load-csv';
import { blobs, context } from './helpers';

let telco: Dataset;

beforeAll(async () => {
	const raw = await loadCsv(`${DATASETS}wa_churn.csv`);
	const rows = Int32Array.from({ length: raw[0].values.length }, (_, r) => r);
	telco = buildDataset(raw, planFeatures(raw, { target: 'churn', positive: null, trainRows: rows }), rows);
});
afterEach(() => vi.restoreAllMocks());

/** The model fitted with the kernel (checked to be in use), then with the JavaScript loops. */
async function bothWays(data: Dataset, params: Partial<GbdtParams>, validation?: Dataset): Promise<[GbdtState, GbdtState]> {
	const fit = () => gbdtModel.fit(data, { ...gbdtModel.defaults, ...params }, context(3, { validation }));
	const created = vi.spyOn(RowKernel, 'create');
	const passes = vi.spyOn(BoostRows, 'create');
	const kernel = await fit();
	expect(created.mock.results.every((r) => r.value instanceof RowKernel)).toBe(true);
	// Binary targets: gradients and margin updates in WebAssembly too.
	expect(passes.mock.results.every((r) => r.value instanceof BoostRows)).toBe(true);
	expect(passes.mock.calls.length).toBe(data.classes.length === 2 ? created.mock.calls.length : 0);
	created.mockReturnValue(null);
	return [kernel, await fit()];
}

describe('gbdt row loops in WebAssembly', () => {
	it('grow the telco churn trees (categories, missing values, row and column sampling) exactly as the JavaScript loops', async () => {
		const [kernel, plain] = await bothWays(telco, { nEstimators: 30, subsample: 0.8, colsampleByTree: 0.7 });
		expect(kernel.trees.feature.length).toBeGreaterThan(30 * 7);
		expect(kernel).toEqual(plain);
	});

	it('grow the same weighted leaf-wise multiclass trees with early stopping', async () => {
		const data = blobs(3000, 5);
		data.weights = Float64Array.from({ length: 3000 }, (_, r) => 1 + (r % 4));
		const [kernel, plain] = await bothWays(data, { nEstimators: 40, maxDepth: 0, maxLeaves: 12, earlyStoppingRounds: 5, learningRate: 0.5 }, blobs(600, 6));
		expect(kernel).toEqual(plain);
	});
});
