import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, conditionalExpectedSpend, customerLifetimeValue, DAYS_PER_MONTH } from '../../../../models/value';
import reference from './r-reference.json';

const [r, alpha, a, b] = reference.bgnbd_params;
const [p, q, v] = reference.gamma_gamma_params;
const BG = { r, alpha, a, b };
const GG = { p, q, v };
const WEEKS = { horizonMonths: 12, monthlyDiscountRate: 0.01, daysPerUnit: 7 };

describe('customerLifetimeValue', () => {
	// R: monthly increments of the posterior-integral E[Y(t)] (reference.R), 1 % a month over 12 months.
	it.each(reference.clv)('x = %f, t_x = %f, T = %f, m = %f → R %f', (x, tx, T, m, expected) => {
		expect(Math.abs(customerLifetimeValue(BG, GG, x, tx, T, m, WEEKS) / expected - 1)).toBeLessThan(1e-9);
	});
	it('is expected purchases over the horizon times expected spend without discounting', () => {
		const value = customerLifetimeValue(BG, GG, 3, 20, 38, 30, { ...WEEKS, monthlyDiscountRate: 0 });
		const horizon = (12 * DAYS_PER_MONTH) / 7;
		expect(value).toBeCloseTo(conditionalExpectedPurchases(BG, horizon, 3, 20, 38) * conditionalExpectedSpend(GG, 3, 30), 10);
	});
	it('is 0 over no months and falls as the discount rate rises', () => {
		expect(customerLifetimeValue(BG, GG, 3, 20, 38, 30, { ...WEEKS, horizonMonths: 0 })).toBe(0);
		expect(customerLifetimeValue(BG, GG, 3, 20, 38, 30, { ...WEEKS, monthlyDiscountRate: 0.05 })).toBeLessThan(customerLifetimeValue(BG, GG, 3, 20, 38, 30, WEEKS));
	});
	it('does not depend on the time unit once the parameters are rescaled (days: α × 7, t × 7)', () => {
		const days = customerLifetimeValue({ ...BG, alpha: alpha * 7 }, GG, 3, 140, 266, 30, { ...WEEKS, daysPerUnit: 1 });
		expect(days).toBeCloseTo(customerLifetimeValue(BG, GG, 3, 20, 38, 30, WEEKS), 9);
	});
	it('refuses a fractional horizon', () => {
		expect(() => customerLifetimeValue(BG, GG, 1, 2, 3, 4, { ...WEEKS, horizonMonths: 1.5 })).toThrow(/horizon/);
	});
});
