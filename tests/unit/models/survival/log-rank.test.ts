/**
 * The log-rank test against R's survdiff(Surv(tenure, churn == "Yes") ~ contract) and a small
 * case (values from reference.R: Rscript tests/unit/models/survival/reference.R > r-reference.json).
 * Tolerance on χ²: 1e-4 (the issue's).
 */
import { describe, expect, it } from 'vitest';
import { logRank } from '../../../../models/survival';
import { maxDifference, readWaChurn, reference } from './fixture';

describe('logRank', () => {
	it('matches survdiff across contracts on wa_churn (χ², observed, expected, df, p)', () => {
		const wa = readWaChurn();
		const contract = wa.text('contract');
		const labels = [...new Set(contract)].sort();
		const result = logRank(wa.duration, wa.event, Int32Array.from(contract, (c) => labels.indexOf(c)), labels.length);
		expect(Math.abs(result.chisq - reference.logrank.chisq)).toBeLessThan(1e-4);
		expect(result.observed).toEqual(reference.logrank.observed);
		expect(maxDifference(result.expected, reference.logrank.expected)).toBeLessThan(1e-8);
		expect(result.df).toBe(2);
		expect(result.p).toBeLessThan(1e-300);
	});

	it('matches survdiff on a small case with tied times', () => {
		const result = logRank([1, 1, 2, 3, 4, 4, 5, 6], [1, 1, 1, 1, 0, 1, 1, 0], Int32Array.from([0, 0, 1, 1, 0, 1, 0, 1]), 2);
		expect(Math.abs(result.chisq - reference.small.logrank_chisq)).toBeLessThan(1e-12);
		expect(maxDifference(result.expected, reference.small.logrank_expected)).toBeLessThan(1e-12);
		expect(result.p).toBeGreaterThan(0.8);
	});

	it('one group, or groups without churn, give χ² 0 on 0 degrees of freedom', () => {
		expect(logRank([1, 2, 3], [1, 0, 1], Int32Array.from([0, 0, 0]), 1)).toMatchObject({ chisq: 0, df: 0, p: 1 });
	});

	it('rejects a group column of the wrong length', () => {
		expect(() => logRank([1, 2], [1, 0], Int32Array.from([0]), 2)).toThrow('The group column has 1 values for 2 customers.');
	});
});
