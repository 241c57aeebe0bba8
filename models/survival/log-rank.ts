/**
 * The log-rank test of equal retention across groups, as R's `survdiff`
 * (rho = 0): observed and expected churners per group and the χ² with the
 * hypergeometric variance, the first group with expected churn dropped.
 */
import { inputError } from '../shared/input-error';
import { chiSquareUpperTail } from './distributions';
import { choleskySolve } from './linear-algebra';
import { checkSurvivalData, orderByDuration } from './sorted-times';

export interface LogRankResult {
	chisq: number;
	df: number;
	p: number;
	observed: number[];
	expected: number[];
}

/** `group[i]` in 0 .. groups − 1. */
export function logRank(duration: ArrayLike<number>, event: ArrayLike<number>, group: Int32Array, groups: number): LogRankResult {
	checkSurvivalData(duration, event);
	if (group.length !== duration.length) throw inputError(`The group column has ${group.length} values for ${duration.length} customers.`);
	if (!(Number.isInteger(groups) && groups >= 1)) throw new Error(`invalid groups: ${groups}`);
	const atRisk = new Float64Array(groups);
	for (const g of group) {
		if (!(g >= 0 && g < groups)) throw new Error(`invalid group: ${g}`);
		atRisk[g]++;
	}
	const observed = new Float64Array(groups);
	const expected = new Float64Array(groups);
	const variance = new Float64Array(groups * groups);
	const deaths = new Float64Array(groups);
	const leaving = new Float64Array(groups);
	const order = orderByDuration(duration);
	let n = order.length;
	for (let i = 0; i < order.length; ) {
		const t = duration[order[i]];
		deaths.fill(0);
		leaving.fill(0);
		let d = 0;
		let left = 0;
		for (; i < order.length && duration[order[i]] === t; i++, left++) {
			const row = order[i];
			leaving[group[row]]++;
			deaths[group[row]] += event[row];
			d += event[row];
		}
		if (d > 0) {
			const spread = n > 1 ? (d * (n - d)) / (n - 1) : 0;
			for (let g = 0; g < groups; g++) {
				observed[g] += deaths[g];
				expected[g] += (d * atRisk[g]) / n;
				for (let h = 0; h < groups; h++) variance[g * groups + h] += (spread * atRisk[g] * ((g === h ? 1 : 0) - atRisk[h] / n)) / n;
			}
		}
		for (let g = 0; g < groups; g++) atRisk[g] -= leaving[g];
		n -= left;
	}
	// survdiff keeps the groups with some expected churn and drops the first of them.
	const kept = Array.from({ length: groups }, (_, g) => g).filter((g) => expected[g] > 0);
	let chisq = 0;
	if (kept.length >= 2) {
		const rest = kept.slice(1);
		const k = rest.length;
		const diff = Float64Array.from(rest, (g) => observed[g] - expected[g]);
		const v = new Float64Array(k * k);
		rest.forEach((g, a) => rest.forEach((h, b) => (v[a * k + b] = variance[g * groups + h])));
		const solved = choleskySolve(v, k, diff);
		for (let a = 0; a < k; a++) chisq += solved[a] * diff[a];
	}
	const df = Math.max(kept.length - 1, 0);
	return { chisq, df, p: df > 0 ? chiSquareUpperTail(chisq, df) : 1, observed: Array.from(observed), expected: Array.from(expected) };
}
