import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, customerLifetimeValue, probabilityAlive, runCustomerValue, type ValueRequest } from '../../../../models/value';
import { cdnowSummary } from './cdnow';

const REQUEST: ValueRequest = { horizonMonths: 12, monthlyDiscountRate: 0.01, daysPerUnit: 7, predictionPeriods: 39 };

describe('runCustomerValue', () => {
	it('fits both models on CDNOW and scores every customer in summary order', async () => {
		const s = cdnowSummary();
		const shares: number[] = [];
		const result = await runCustomerValue(s, REQUEST, { progress: (share) => shares.push(share) });
		expect(result.bgnbd.params.r).toBeCloseTo(0.2426, 4);
		expect(result.gammaGamma!.params.p).toBeCloseTo(6.249, 3);
		expect(result.frequencyMonetaryCorrelation).toBeCloseTo(0.114, 3);
		expect(result.clv).toHaveLength(2357);
		const i = 0; // customer 1: x = 2, t_x = 30.43, T = 38.86
		expect(result.probabilityAlive[i]).toBe(probabilityAlive(result.bgnbd.params, 2, 30.43, 38.86));
		expect(result.expectedPurchases[i]).toBe(conditionalExpectedPurchases(result.bgnbd.params, 39, 2, 30.43, 38.86));
		expect(result.clv[i]).toBeCloseTo(customerLifetimeValue(result.bgnbd.params, result.gammaGamma!.params, 2, 30.43, 38.86, s.monetary[i], REQUEST), 10);
		// Weeks 40–78: 1,653.4 expected (this code, regression value); the log has 1,882 (summary.test.ts).
		expect(result.expectedPurchases.reduce((u, v) => u + v, 0)).toBeCloseTo(1653.42, 1);
		expect(result.notes).toEqual([]);
		expect(shares.at(-1)).toBe(1);
	});
	it('skips Gamma-Gamma below 10 spending repeat customers and says so', async () => {
		const s = {
			frequency: Float64Array.of(0, 1, 2, 0, 3),
			recency: Float64Array.of(0, 5, 8, 0, 9),
			age: Float64Array.of(10, 10, 10, 10, 10),
			monetary: Float64Array.of(0, 20, 30, 0, 40)
		};
		const result = await runCustomerValue(s, REQUEST);
		expect(result.gammaGamma).toBeNull();
		expect(result.notes.join(' ')).toMatch(/Only 3 repeat customers/);
		expect(Array.from(result.expectedSpend)).toEqual([30, 20, 30, 30, 40]);
	});
	it('rejects with CancelledError when its signal is aborted', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(runCustomerValue(cdnowSummary(), REQUEST, { signal: controller.signal })).rejects.toMatchObject({ name: 'CancelledError' });
	});
});

describe('runCustomerValue on data that cannot identify the model', () => {
	it('says when the BG/NBD estimates run to a boundary (every customer bought at the end: no drop-out seen)', async () => {
		const five = (v: number) => new Float64Array(5).fill(v);
		const result = await runCustomerValue({ frequency: Float64Array.of(3, 5, 2, 4, 1), recency: five(30), age: five(30), monetary: five(10) }, REQUEST);
		expect(result.notes.join(' ')).toMatch(/BG\/NBD estimates ran to a boundary/);
		expect(result.clv.every(Number.isFinite)).toBe(true);
	});
});
