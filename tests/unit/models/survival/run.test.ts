/** The whole churn-timing job on wa_churn, as the survival cell and `evaluate survival` run it. */
import { describe, expect, it } from 'vitest';
import { ALL_CUSTOMERS, runSurvival } from '../../../../models/survival';
import { COX_COVARIATES, readWaChurn, reference } from './fixture';

describe('runSurvival on wa_churn', () => {
	const wa = readWaChurn();

	it('curves per contract with medians and horizons, the log-rank test and the Cox model, as R', async () => {
		const result = await runSurvival(wa.duration, wa.event, wa.text('contract'), wa.columns, { times: [12, 24, 48, 72], covariates: COX_COVARIATES, group: 'contract' });
		expect(result.groups.map((g) => g.label)).toEqual(reference.km_median_groups);
		expect(result.groups.map((g) => g.customers)).toEqual([3875, 1473, 1695]);
		expect(result.groups.map((g) => g.events)).toEqual(reference.logrank.observed);
		expect(result.groups.map((g) => g.median)).toEqual(reference.km_medians);
		result.groups.forEach((g, k) => g.at.forEach((a, i) => expect(Math.abs(a.survival - reference.km_groups[k].survival[i])).toBeLessThan(1e-6)));
		expect(Math.abs(result.logRank!.chisq - reference.logrank.chisq)).toBeLessThan(1e-4);
		result.cox!.coefficients.forEach((b, j) => expect(Math.abs(b - reference.cox_efron.coefficients[j])).toBeLessThan(1e-4));
		expect(result.notes).toContain('contract: hazard ratios against contract = Month-to-month.');
	});

	it('without a group or covariates: one curve, no test, no Cox model', async () => {
		const result = await runSurvival(wa.duration, wa.event, null, [], { times: [12], covariates: [], group: null });
		expect(result.groups).toHaveLength(1);
		expect(result.groups[0].label).toBe(ALL_CUSTOMERS);
		expect(result.logRank).toBeNull();
		expect(result.cox).toBeNull();
	});

	it('leaves out customers without a duration, churn flag or group, and says how many', async () => {
		const duration = Float64Array.from([1, NaN, 3, 4, 5]);
		const event = Uint8Array.from([1, 1, 255, 0, 1]);
		const result = await runSurvival(duration, event, ['a', 'a', 'b', null, 'b'], [], { times: [], covariates: [], group: 'plan' });
		expect(result.notes).toEqual(['2 customers without a duration or a churn flag are left out.', '1 customers without a plan value are left out of the curves and the log-rank test.']);
		expect(result.groups.map((g) => g.customers)).toEqual([1, 1]);
	});

	it('refuses a group column with too many values, and stops when cancelled', async () => {
		const many = Array.from({ length: wa.duration.length }, (_, i) => String(i % 30));
		await expect(runSurvival(wa.duration, wa.event, many, [], { times: [], covariates: [], group: 'customer_id' })).rejects.toThrow('customer_id has 30 values');
		const controller = new AbortController();
		controller.abort();
		await expect(runSurvival(wa.duration, wa.event, null, [], { times: [], covariates: [], group: null }, { signal: controller.signal })).rejects.toMatchObject({ name: 'CancelledError' });
	});
});
