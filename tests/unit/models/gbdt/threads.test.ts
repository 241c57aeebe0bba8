/**
 * Boosted trees give the same model whatever the number of helper threads
 * the rows are spread over: gradients on a grid make every histogram sum
 * exact, so 1, 2 or 3 shards find the same splits and the same leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gbdtModel, type GbdtParams, type GbdtState } from '$models/gbdt';
import type { Dataset } from '$models';
import { buildDataset, planFeatures } from '$models/shared/features';
import { nodeThreads } from '../../../../scripts/node-threads';
import { DATASETS, loadCsv } from '../auto/load-csv';
import { blobs, context } from './helpers';

const pools = [nodeThreads(2, 0), nodeThreads(3, 0)];
let telco: Dataset;

beforeAll(async () => {
	const raw = await loadCsv(`${DATASETS}wa_churn.csv`);
	const rows = Int32Array.from({ length: raw[0].values.length }, (_, r) => r);
	const plan = planFeatures(raw, { target: 'churn', positive: null, trainRows: rows });
	telco = buildDataset(raw, plan, rows);
});
afterAll(() => pools.forEach((p) => p.stop()));

async function fitEvery(data: Dataset, params: Partial<GbdtParams>, validation?: Dataset): Promise<GbdtState[]> {
	const fit = (threads?: (typeof pools)[number]) => gbdtModel.fit(data, { ...gbdtModel.defaults, ...params }, context(3, { threads, validation }));
	return [await fit(), ...(await Promise.all(pools.map((p) => fit(p))))];
}

/**
 * Trees, leaves and base scores identical; the curve's training loss is a sum
 * of the shards' partial sums, so it may differ in the last bits only.
 */
function expectSameModel(actual: GbdtState, expected: GbdtState): void {
	const { curve: a = [], ...rest } = actual;
	const { curve: b = [], ...expectedRest } = expected;
	expect(rest).toEqual(expectedRest);
	expect(a.length).toBe(b.length);
	a.forEach((point, i) => {
		expect(point.trainLoss).toBeCloseTo(b[i].trainLoss, 12);
		expect(point.validLoss).toBe(b[i].validLoss);
	});
}

describe('gbdt on helper threads', () => {
	it('fits the telco churn table (categories, missing values) identically on 1, 2 and 3 threads', async () => {
		const [one, ...many] = await fitEvery(telco, { nEstimators: 40, subsample: 0.8, colsampleByTree: 0.7 });
		expect(one.trees.feature.length).toBeGreaterThan(40 * 7);
		for (const state of many) expectSameModel(state, one);
		const p1 = (await gbdtModel.predict(one, telco.X)).probabilities;
		const p2 = (await gbdtModel.predict(many[0], telco.X)).probabilities;
		let worst = 0;
		for (let i = 0; i < p1.length; i++) worst = Math.max(worst, Math.abs(p1[i] - p2[i]));
		expect(worst).toBeLessThanOrEqual(1e-9);
	});

	it('grows the same leaf-wise multiclass trees with weights and early stopping on 1, 2 and 3 threads', async () => {
		const data = blobs(3000, 5);
		data.weights = Float64Array.from({ length: 3000 }, (_, r) => 1 + (r % 4));
		const [one, ...many] = await fitEvery(data, { nEstimators: 60, maxDepth: 0, maxLeaves: 12, earlyStoppingRounds: 5, learningRate: 0.5 }, blobs(600, 6));
		expect(one.treesPerRound).toBe(3);
		for (const state of many) expectSameModel(state, one);
	});
});
