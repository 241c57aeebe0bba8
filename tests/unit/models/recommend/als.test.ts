/** ALS recovers a planted low-rank structure and works on small catalogues. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alsModel, hideOneItem, hitRateAndNdcg, popularityModel } from '../../../../models/recommend';
import { useBackend } from '../logistic/csv-fixture';
import { dataOf, plantedMatrix } from './fixture';

beforeAll(() => useBackend('cpu'));
afterAll(() => useBackend('cpu'));

describe('alsModel', () => {
	it('fit(planted two-group matrix) ranks the hidden item far better than popularity', async () => {
		const matrix = plantedMatrix(400, 12, 7);
		const holdout = hideOneItem(matrix, 42);
		const train = dataOf({ ...matrix, owned: holdout.train });
		const quality = async (model: typeof alsModel | typeof popularityModel) => {
			const state = await (model as typeof alsModel).fit(train, model.defaults as typeof alsModel.defaults, { seed: 1 });
			const scores = await (model as typeof alsModel).score(state, train);
			return hitRateAndNdcg(scores, holdout.train, 12, holdout.test, 3);
		};
		const als = await quality(alsModel);
		const popular = await quality(popularityModel);
		expect(als.hitRate).toBeGreaterThanOrEqual(0.85);
		expect(als.hitRate).toBeGreaterThan(popular.hitRate + 0.2);
	});

	it('fit(item factors) recovers the two groups: items of one block are alike, across blocks not', async () => {
		const state = await alsModel.fit(dataOf(plantedMatrix(400, 8, 5)), { ...alsModel.defaults, factors: 2 }, { seed: 1 });
		const y = state.itemFactors;
		const cos = (i: number, j: number) => (y[i * 2] * y[j * 2] + y[i * 2 + 1] * y[j * 2 + 1]) / Math.hypot(y[i * 2], y[i * 2 + 1]) / Math.hypot(y[j * 2], y[j * 2 + 1]);
		expect(cos(0, 1)).toBeGreaterThan(0.8);
		expect(cos(4, 7)).toBeGreaterThan(0.8);
		expect(cos(0, 7)).toBeLessThan(0.5);
	});

	it('works on a catalogue of three items (factors capped at the items)', async () => {
		const data = dataOf(plantedMatrix(50, 3, 2, 0.8, 0.3));
		const state = await alsModel.fit(data, alsModel.defaults, { seed: 4 });
		expect(state.factors).toBe(3);
		const scores = await alsModel.score(state, data);
		expect(scores.every(Number.isFinite)).toBe(true);
	});

	it('refuses invalid params', async () => {
		await expect(alsModel.fit(dataOf(plantedMatrix(10, 4, 1)), { ...alsModel.defaults, factors: 0 }, { seed: 1 })).rejects.toThrow(/invalid factors/);
	});
});
