/** Every recommender of the registry: deterministic for a seed, input unmutated, state survives structuredClone and JSON, wrong kinds refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECOMMENDERS, type AnyRecommender, type RecommendData } from '../../../../models/recommend';
import { decodeState, encodeState } from '../../../../models/shared';
import { RECOMMEND_KINDS, RECOMMEND_LEARNER_KINDS, MODEL_CATALOG } from '../../../../models/catalog';
import type { Features } from '../../../../models/types';
import { useBackend } from '../logistic/csv-fixture';
import { plantedMatrix } from './fixture';

beforeAll(() => useBackend('cpu'));
afterAll(() => useBackend('cpu'));

function withProfile(): RecommendData {
	const matrix = plantedMatrix(120, 6, 3);
	const profile: Features = {
		rows: 120,
		columns: [
			{ name: 'tenure', kind: 'numeric', values: Float64Array.from({ length: 120 }, (_, u) => (u * 7) % 30) },
			{ name: 'contract', kind: 'categorical', codes: Int32Array.from({ length: 120 }, (_, u) => u % 2), levels: ['Month-to-month', 'Two year'] }
		]
	};
	return { matrix, profile };
}

describe('the catalogue lists the recommendation kinds', () => {
	it('RECOMMEND_KINDS: the registry\'s learners, then the hybrid, with the registry\'s labels', () => {
		expect([...RECOMMEND_KINDS]).toEqual(['popularity', 'item_knn', 'als', 'propensity', 'hybrid']);
		expect([...RECOMMEND_LEARNER_KINDS]).toEqual(Object.keys(RECOMMENDERS));
		for (const kind of RECOMMEND_LEARNER_KINDS) expect(RECOMMENDERS[kind].label).toBe(MODEL_CATALOG[kind].label);
		for (const kind of RECOMMEND_KINDS) expect(MODEL_CATALOG[kind].family).toBe('recommend');
	});
});

describe.each(RECOMMEND_LEARNER_KINDS.map((kind) => [kind, RECOMMENDERS[kind] as unknown as AnyRecommender] as const))('%s contract', (kind, model) => {
	it('fit(data, defaults, {seed: 1}) is deterministic and leaves the data unmutated', async () => {
		const data = withProfile();
		const before = data.matrix.owned.slice();
		const a = await model.score(await model.fit(data, model.defaults, { seed: 1 }), data);
		const b = await model.score(await model.fit(data, model.defaults, { seed: 1 }), data);
		expect(b).toEqual(a);
		expect(data.matrix.owned).toEqual(before);
		expect(a.length).toBe(120 * 6);
		expect(a.every(Number.isFinite)).toBe(true);
	});

	it('the state survives structuredClone and JSON, and names its kind', async () => {
		const data = withProfile();
		const state = await model.fit(data, model.defaults, { seed: 2 });
		expect(state.kind).toBe(kind);
		expect(typeof state.version).toBe('number');
		const scores = await model.score(state, data);
		expect(await model.score(structuredClone(state), data)).toEqual(scores);
		expect(await model.score(decodeState(JSON.parse(JSON.stringify(encodeState(state)))), data)).toEqual(scores);
	});

	it('score refuses another kind\'s state and a matrix of another size', async () => {
		const data = withProfile();
		const state = await model.fit(data, model.defaults, { seed: 3 });
		await expect(model.score({ ...state, kind: 'other' }, data)).rejects.toThrow(/invalid state/);
		const smaller = { ...data, matrix: { ...data.matrix, items: data.matrix.items.slice(0, 5), owned: new Uint8Array(120 * 5) } };
		await expect(model.score(state, smaller)).rejects.toThrow(/invalid/);
	});
});
