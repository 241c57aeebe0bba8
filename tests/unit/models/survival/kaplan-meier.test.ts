/**
 * Kaplan–Meier against R's survfit (values in r-reference.json, made by
 *   Rscript tests/unit/models/survival/reference.R > tests/unit/models/survival/r-reference.json
 * with R 4.2.2, survival 3.5-3): the whole curve of wa_churn (tenure, churn == "Yes"), each
 * contract at 12, 24, 48 and 72 months, medians, and small hand cases. Tolerance 1e-6 (the issue's).
 */
import { describe, expect, it } from 'vitest';
import { kaplanMeier, medianSurvival, survivalAt } from '../../../../models/survival';
import { maxDifference, readWaChurn, reference } from './fixture';

const KM_TOLERANCE = 1e-6;

describe('kaplanMeier(tenure, churn) on wa_churn', () => {
	const wa = readWaChurn();
	const curve = kaplanMeier(wa.duration, wa.event);
	const R = reference.km_all;

	it('has R\'s times, customers at risk, churners and censored customers (tenure 0 kept)', () => {
		expect(curve.time).toEqual(R.time);
		expect(curve.atRisk).toEqual(R.n_risk);
		expect(curve.events).toEqual(R.n_event);
		expect(curve.censored).toEqual(R.n_censor);
		expect(curve.time[0]).toBe(0);
		expect(curve.censored[0]).toBe(11);
	});

	it('matches R\'s survival, standard error (of S, as summary() prints it) and log-type 95 % band', () => {
		expect(maxDifference(curve.survival, R.survival)).toBeLessThan(KM_TOLERANCE);
		expect(maxDifference(curve.standardError, R.std_err)).toBeLessThan(KM_TOLERANCE);
		expect(maxDifference(curve.standardError.map((se, i) => se / curve.survival[i]), R.std_err_log)).toBeLessThan(KM_TOLERANCE);
		expect(maxDifference(curve.lower, R.lower)).toBeLessThan(KM_TOLERANCE);
		expect(maxDifference(curve.upper, R.upper)).toBeLessThan(KM_TOLERANCE);
	});

	it('has no median when retention stays above one half (R: NA)', () => {
		expect(R.median).toBeNull();
		expect(medianSurvival(curve)).toBeNull();
	});

	it('per contract, survivalAt(curve, 12 | 24 | 48 | 72) matches summary(fit, times = …), and the medians match', () => {
		const contract = wa.text('contract');
		reference.km_groups.forEach((group, g) => {
			const rows = contract.flatMap((c, i) => (c === group.group ? [i] : []));
			const own = kaplanMeier(Float64Array.from(rows, (i) => wa.duration[i]), Uint8Array.from(rows, (i) => wa.event[i]));
			const at = group.time.map((t) => survivalAt(own, t));
			expect(maxDifference(at.map((a) => a.survival), group.survival), group.group).toBeLessThan(KM_TOLERANCE);
			expect(maxDifference(at.map((a) => a.lower), group.lower), group.group).toBeLessThan(KM_TOLERANCE);
			expect(maxDifference(at.map((a) => a.upper), group.upper), group.group).toBeLessThan(KM_TOLERANCE);
			expect(medianSurvival(own)).toBe(reference.km_medians[g]);
		});
		expect(reference.km_medians[0]).toBe(35); // Month-to-month: half have churned by 35 months
	});
});

describe('kaplanMeier on small hand cases (R values)', () => {
	const small = { time: [1, 1, 2, 3, 4, 4, 5, 6], status: [1, 1, 1, 1, 0, 1, 1, 0] };
	const R = reference.small;

	it('ties and a censoring tied with a churn, as R', () => {
		const curve = kaplanMeier(small.time, small.status);
		expect(curve.time).toEqual(R.km.time);
		expect(maxDifference(curve.survival, R.km.survival)).toBeLessThan(1e-12);
		expect(maxDifference(curve.standardError, R.km.std_err)).toBeLessThan(1e-12);
		expect(maxDifference(curve.lower, R.km.lower)).toBeLessThan(1e-12);
		expect(maxDifference(curve.upper, R.km.upper)).toBeLessThan(1e-12);
	});

	it.each([
		['a curve at exactly 0.5 between 3 and 4 takes the midpoint', small.time, small.status, R.km.median, 3.5],
		['a curve falling to 0', [1, 2, 3, 4], [1, 1, 1, 1], R.median_to_zero, 2.5],
		['a curve ending on a 0.5 plateau', [1, 2, 3, 4], [1, 1, 0, 0], R.median_plateau, 2]
	])('medianSurvival: %s (R: print(survfit))', (_, time, status, r, value) => {
		expect(r).toBe(value);
		expect(medianSurvival(kaplanMeier(time, status))).toBe(r);
	});

	it('a curve reaching 0 has NaN bands there (R: NA), and survivalAt reads steps', () => {
		const curve = kaplanMeier([1, 2, 3, 4], [1, 1, 1, 1]);
		expect(curve.survival).toEqual(R.surv_to_zero);
		expect(Number.isNaN(curve.lower[3]) && Number.isNaN(curve.upper[3]) && Number.isNaN(curve.standardError[3])).toBe(true);
		expect(survivalAt(curve, 0.5)).toEqual({ survival: 1, lower: 1, upper: 1 });
		expect(survivalAt(curve, 2.5).survival).toBe(0.5);
		expect(survivalAt(curve, 2).survival).toBe(0.5);
		expect(survivalAt(curve, 10).survival).toBe(0);
	});

	it.each([
		[[1, -2], [1, 0], 'invalid duration: -2'],
		[[1, NaN], [1, 0], 'invalid duration: NaN'],
		[[1, 2], [1, 2], 'invalid churn flag: 2'],
		[[1, 2], [1], 'different lengths'],
		[[], [], 'no customers']
	])('kaplanMeier(%j, %j) throws an input error', (time, status, message) => {
		expect(() => kaplanMeier(time, status)).toThrow(message);
	});
});
