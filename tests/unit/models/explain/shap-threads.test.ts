/**
 * Tree SHAP of many customers shared between helper threads: the same values
 * as on one thread, progress as the blocks advance, and a cancel that ends
 * the threads' blocks at their next pause while the pool stays usable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainShap } from '$models/explain';
import { forestModel, type ForestState } from '$models/forest';
import { isCancelled } from '$models/shared';
import { nodeThreads } from '../../../../scripts/node-threads';
import { context } from '../gbdt/helpers';
import { loadSplit } from '../split-fixture';

const churn = loadSplit('wa_churn.split.csv', 'churn', 'Yes');
const pool = nodeThreads(2, 0);
let forest: ForestState;

beforeAll(async () => {
	forest = await forestModel.fit(churn.train, { ...forestModel.defaults, nEstimators: 40, maxDepth: 10 }, context(5));
});
afterAll(() => pool.stop());

describe('tree SHAP on helper threads', () => {
	it('explains the telco test customers with the same values as one thread, reporting progress', async () => {
		const one = await explainShap(forest, churn.test.X);
		const fractions: number[] = [];
		const shared = await explainShap(forest, churn.test.X, { threads: pool, progress: (f) => fractions.push(f) });
		expect(shared.rows).toBe(churn.test.X.rows);
		expect(shared.values).toEqual(one.values);
		expect(shared.outputs).toEqual(one.outputs);
		expect(shared.base).toBe(one.base);
		expect(fractions.length).toBeGreaterThan(10);
		expect(fractions.at(-1)).toBeCloseTo(1, 9);
	});

	it('a cancel ends the threads\' blocks and rejects as cancelled; the next explanation runs on the same threads', async () => {
		const controller = new AbortController();
		const job = explainShap(forest, churn.test.X, { threads: pool, signal: controller.signal, progress: (f) => f > 0.1 && controller.abort() });
		const error = await job.catch((e: unknown) => e);
		expect(isCancelled(error)).toBe(true);
		const again = await explainShap(forest, churn.test.X, { threads: pool });
		expect(again.rows).toBe(churn.test.X.rows);
	});
});
