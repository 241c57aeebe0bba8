/**
 * The purchase summary the value models take, from a transaction log: the TS
 * twin of the lifetime-value cell's SQL (used by `evaluate clv`, the benchmark
 * and the tests), with lifetimes' `calibration_and_holdout_data` definitions.
 */
import { inputError } from '../shared/input-error';
import type { PurchaseSummary } from './types';

export interface SummarisedPurchases {
	/** Customer ids, ascending (numbers numerically, text by code unit, as SQL's ORDER BY). */
	ids: (string | number)[];
	summary: PurchaseSummary;
	/** Distinct purchase days in (calibration end, holdout end]; all 0 without a holdout. */
	holdoutFrequency: Float64Array;
	/** Day number of each customer's first purchase. */
	firstDay: Float64Array;
}

/**
 * Same-day purchases are one purchase (amounts summed); frequency x = purchase days − 1 up to
 * the calibration end (inclusive); recency t_x = last − first and age T = calibration end − first,
 * in units of `daysPerUnit` days (fractional, as the paper: T = 272 / 7 = 38.86 weeks);
 * monetary = mean amount of the repeat days (the first purchase is left out; 0 when x = 0).
 * Customers whose first purchase is after the calibration end are left out. Rows with a missing
 * customer or day are skipped; a missing amount counts as 0.
 */
export function summarisePurchases(
	customers: ArrayLike<string | number | null>,
	days: Int32Array | Float64Array,
	amounts: Float64Array,
	calibrationEndDay: number,
	holdoutEndDay: number | null,
	daysPerUnit: number
): SummarisedPurchases {
	const n = customers.length;
	if (days.length !== n || amounts.length !== n) throw inputError(`invalid purchases: ${n} customers, ${days.length} days, ${amounts.length} amounts`);
	if (!(daysPerUnit > 0)) throw inputError(`invalid days per unit: ${daysPerUnit}`);
	if (holdoutEndDay !== null && !(holdoutEndDay > calibrationEndDay)) throw inputError('invalid holdout end: it must come after the calibration end');
	const lastDay = holdoutEndDay ?? calibrationEndDay;
	const rows: number[] = [];
	for (let i = 0; i < n; i++) {
		const id = customers[i];
		if (id !== null && id !== '' && !(typeof id === 'number' && Number.isNaN(id)) && Number.isFinite(days[i]) && days[i] <= lastDay) rows.push(i);
	}
	const compareIds = (u: string | number, v: string | number) => (typeof u === 'number' && typeof v === 'number' ? u - v : String(u) < String(v) ? -1 : String(u) > String(v) ? 1 : 0);
	rows.sort((i, j) => compareIds(customers[i]!, customers[j]!) || days[i] - days[j]);

	const ids: (string | number)[] = [];
	const frequency: number[] = [], recency: number[] = [], age: number[] = [], monetary: number[] = [], holdout: number[] = [], firstDays: number[] = [];
	for (let start = 0; start < rows.length; ) {
		const id = customers[rows[start]]!;
		let end = start;
		while (end < rows.length && customers[rows[end]] === id) end++;
		const first = days[rows[start]];
		if (first <= calibrationEndDay) {
			let purchaseDays = 0, lastCalibrationDay = first, repeatSpend = 0, holdoutDays = 0;
			for (let k = start; k < end; ) {
				const day = days[rows[k]];
				let spend = 0;
				for (; k < end && days[rows[k]] === day; k++) spend += Number.isFinite(amounts[rows[k]]) ? amounts[rows[k]] : 0;
				if (day <= calibrationEndDay) {
					if (purchaseDays > 0) repeatSpend += spend;
					purchaseDays++;
					lastCalibrationDay = day;
				} else holdoutDays++;
			}
			ids.push(id);
			frequency.push(purchaseDays - 1);
			recency.push((lastCalibrationDay - first) / daysPerUnit);
			age.push((calibrationEndDay - first) / daysPerUnit);
			monetary.push(purchaseDays > 1 ? repeatSpend / (purchaseDays - 1) : 0);
			holdout.push(holdoutDays);
			firstDays.push(first);
		}
		start = end;
	}
	return {
		ids,
		summary: { frequency: Float64Array.from(frequency), recency: Float64Array.from(recency), age: Float64Array.from(age), monetary: Float64Array.from(monetary) },
		holdoutFrequency: Float64Array.from(holdout),
		firstDay: Float64Array.from(firstDays)
	};
}
