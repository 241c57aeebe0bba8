/** Customer lifetime value from the BG/NBD purchases and the Gamma-Gamma spend. */
import { inputError } from '../shared/input-error';
import { conditionalExpectedPurchases } from './bgnbd';
import { conditionalExpectedSpend } from './gamma-gamma';
import type { BgNbdParams, GammaGammaParams } from './types';

export interface ClvOptions {
	horizonMonths: number;
	monthlyDiscountRate: number;
	/** Days in the summary's time unit: 7 for weeks, 1 for days, 365.25 / 12 for months. */
	daysPerUnit: number;
}

/** Average days in a month: the CLV horizon counts months whatever the summary's unit. */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * lifetimes' `customer_lifetime_value`: Σ_{i=1..H} (E[X(t_i) | …] − E[X(t_{i−1}) | …]) × spend / (1 + d)^i
 * with t_i = i months in the summary's unit, i.e. each month's expected purchases
 * discounted at the end of that month. `spend` is the Gamma-Gamma conditional expected
 * spend unless given (the run falls back to observed spend without a Gamma-Gamma fit).
 */
export function customerLifetimeValue(bg: BgNbdParams, gg: GammaGammaParams, x: number, tx: number, T: number, m: number, o: ClvOptions): number {
	return discountedValue(bg, conditionalExpectedSpend(gg, x, m), x, tx, T, o);
}

export function discountedValue(bg: BgNbdParams, spend: number, x: number, tx: number, T: number, o: ClvOptions): number {
	if (!(Number.isInteger(o.horizonMonths) && o.horizonMonths >= 0)) throw inputError(`invalid horizon: ${o.horizonMonths} months (a whole number ≥ 0)`);
	if (!(o.monthlyDiscountRate > -1)) throw inputError(`invalid discount rate: ${o.monthlyDiscountRate} (a monthly rate, e.g. 0.01 for 1 %)`);
	if (!(o.daysPerUnit > 0)) throw inputError(`invalid days per unit: ${o.daysPerUnit}`);
	const month = DAYS_PER_MONTH / o.daysPerUnit;
	let value = 0;
	let previous = 0;
	for (let i = 1; i <= o.horizonMonths; i++) {
		const cumulative = conditionalExpectedPurchases(bg, i * month, x, tx, T);
		value += ((cumulative - previous) * spend) / Math.pow(1 + o.monthlyDiscountRate, i);
		previous = cumulative;
	}
	return value;
}
