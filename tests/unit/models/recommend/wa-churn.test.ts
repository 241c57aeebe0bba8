/**
 * The targets on wa_churn with the nine telco services: the hybrid beats popularity's hit rate@3 by
 * 0.03 or more, no single model beats it on validation, and another export of the same customers
 * (capitalised names, Yes/No values, an id column) gives exactly the same figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareRecommendData, runRecommend, type RecommendRequest, type RecommendResult } from '../../../../models/recommend';
import { useBackend } from '../logistic/csv-fixture';
import { capitalisedExport, rawFromCsv, readWaChurn, SERVICES } from './fixture';

const REQUEST: RecommendRequest = { layout: 'wide', items: SERVICES, userColumn: null, itemColumn: null, quantityColumn: null, k: 3, seed: 42, models: ['popularity', 'item_knn', 'als', 'propensity', 'hybrid'], hybridWeights: null, topN: 3 };

let plain: RecommendResult;
let exported: RecommendResult;

beforeAll(async () => {
	await useBackend('wasm');
	const wa = readWaChurn();
	plain = await runRecommend(prepareRecommendData(rawFromCsv(wa.header, wa.body), REQUEST), REQUEST);
	const cap = capitalisedExport();
	const request = { ...REQUEST, items: cap.services, userColumn: 'CustomerID' };
	exported = await runRecommend(prepareRecommendData(rawFromCsv(cap.header, cap.body), request), request);
}, 240_000);
afterAll(() => useBackend('cpu'));

describe('recommendations on wa_churn (nine services, k = 3, seed 42)', () => {
	it('the hybrid\'s hit rate@3 beats popularity by at least 0.03 on the test customers', () => {
		const rate = (model: string) => plain.metrics.find((m) => m.model === model)!.hitRate;
		expect(rate('hybrid') - rate('popularity')).toBeGreaterThanOrEqual(0.03);
	});

	it('no single model beats the hybrid on the validation customers', () => {
		const hybrid = plain.validation.find((m) => m.model === 'hybrid')!;
		for (const m of plain.validation) expect(hybrid.hitRate, m.model).toBeGreaterThanOrEqual(m.hitRate);
	});

	it('the capitalised export with an id column gives the same figures', () => {
		const figures = (r: RecommendResult) => r.metrics.concat(r.validation).map(({ model, hitRate, ndcg, coverage, users }) => ({ model, hitRate, ndcg, coverage, users }));
		expect(figures(exported)).toEqual(figures(plain));
		expect(exported.hybrid.weights).toEqual(plain.hybrid.weights);
		expect(exported.top.item).toEqual(plain.top.item);
		expect(exported.users[0]).toBe('1000-C0');
	});
});
