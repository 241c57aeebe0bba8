/** The hybrid: weights tuned on validation never do worse there than the best single model; the formula reads as text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blendFormula, blendScores, hideOneItem, hitRateAndNdcg, runRecommend, standardise, tuneWeights, weightGrid, RECOMMENDERS, type RecommendRequest } from '../../../../models/recommend';
import { useBackend } from '../logistic/csv-fixture';
import { dataOf, plantedMatrix } from './fixture';

beforeAll(() => useBackend('cpu'));
afterAll(() => useBackend('cpu'));

const REQUEST: RecommendRequest = { layout: 'wide', items: [], userColumn: null, itemColumn: null, quantityColumn: null, k: 3, seed: 42, models: ['popularity', 'item_knn', 'als', 'hybrid'], hybridWeights: null, topN: 3 };

describe('weightGrid(members, steps)', () => {
	it('covers the simplex, corners included', () => {
		const grid = weightGrid(3, 10);
		expect(grid.length).toBe(66);
		for (const w of grid) expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
		for (const corner of [[1, 0, 0], [0, 1, 0], [0, 0, 1]]) expect(grid).toContainEqual(corner);
	});
});

describe('tuneWeights(...)', () => {
	it.each([1, 2, 3])('never does worse on validation than the best single model (seed %i)', async (seed) => {
		const matrix = plantedMatrix(300, 10, seed, 0.6, 0.15);
		const holdout = hideOneItem(matrix, seed);
		const train = dataOf({ ...matrix, owned: holdout.train });
		const scores = [];
		for (const model of [RECOMMENDERS.popularity, RECOMMENDERS.item_knn, RECOMMENDERS.als]) {
			const m = model as typeof RECOMMENDERS.als;
			scores.push(await m.score(await m.fit(train, m.defaults, { seed }), train));
		}
		const best = tuneWeights(scores.map((s) => standardise(s, holdout.train)), holdout.train, 10, holdout.validation, 3);
		for (const s of scores) expect(best.hitRate).toBeGreaterThanOrEqual(hitRateAndNdcg(s, holdout.train, 10, holdout.validation, 3).hitRate);
	});

	it('a one-model blend ranks exactly as that model', () => {
		const owned = Uint8Array.from([1, 0, 0, 0, 0, 1, 0, 0]);
		const scores = Float32Array.from([0.3, 0.2, 0.2, 0.1, 5, 7, 5, 4]);
		const blended = blendScores([standardise(scores, owned), standardise(Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]), owned)], [1, 0]);
		const split = { users: Int32Array.from([0, 1]), hidden: Int32Array.from([2, 2]) };
		expect(hitRateAndNdcg(blended, owned, 4, split, 1)).toEqual(hitRateAndNdcg(scores, owned, 4, split, 1));
	});

	it('blendFormula shows the weights and labels', () => {
		expect(blendFormula(['Popularity', 'Propensity'], [0.3, 0.7])).toMatch(/^0\.3 × Popularity \+ 0\.7 × Propensity/);
	});
});

describe('runRecommend(data, request)', () => {
	it('reports every model, a hybrid no worse on validation, and calibrated top items', async () => {
		const data = dataOf(plantedMatrix(300, 10, 9, 0.6, 0.15));
		const result = await runRecommend(data, REQUEST);
		expect(result.metrics.map((m) => m.model)).toEqual(['popularity', 'item_knn', 'als', 'hybrid']);
		const hybrid = result.validation.at(-1)!;
		for (const m of result.validation) expect(hybrid.hitRate).toBeGreaterThanOrEqual(m.hitRate);
		expect(result.top.n).toBe(3);
		expect(result.top.item.length).toBe(300 * 3);
		for (let c = 0; c < result.top.item.length; c++) {
			const item = result.top.item[c];
			if (item < 0) continue;
			expect(data.matrix.owned[Math.floor(c / 3) * 10 + item]).toBe(0);
			expect(result.top.pAccept[c]).toBeGreaterThan(0);
			expect(result.top.pAccept[c]).toBeLessThan(1);
		}
		expect(result.hybrid.tuned).toBe(true);
		expect(Object.keys(result.byModel)).toEqual(['popularity', 'item_knn', 'als']);
	});

	it('takes the user\'s weights and is deterministic for a seed', async () => {
		const data = dataOf(plantedMatrix(200, 8, 4, 0.6, 0.15));
		const request = { ...REQUEST, hybridWeights: { item_knn: 2, popularity: 1 } };
		const a = await runRecommend(data, request);
		const b = await runRecommend(data, request);
		expect(a.hybrid).toEqual({ weights: { popularity: 1, item_knn: 2, als: 0 }, formula: expect.stringMatching(/^1 × Popularity \+ 2 × Item similarity/), tuned: false });
		expect(b.top).toEqual(a.top);
		expect(b.metrics.map((m) => m.hitRate)).toEqual(a.metrics.map((m) => m.hitRate));
	});

	it('stops when cancelled and refuses bad requests', async () => {
		const data = dataOf(plantedMatrix(100, 6, 4));
		const controller = new AbortController();
		controller.abort();
		await expect(runRecommend(data, REQUEST, { signal: controller.signal })).rejects.toMatchObject({ name: 'CancelledError' });
		await expect(runRecommend(data, { ...REQUEST, k: 0 })).rejects.toThrow(/invalid k/);
		await expect(runRecommend(data, { ...REQUEST, models: ['nope' as 'hybrid'] })).rejects.toThrow(/invalid model/);
	});
});
