/**
 * Harrell's concordance as R's `concordance()` reports it for a Cox fit:
 * over the pairs where the shorter time ends in churn (a customer still
 * active at that same time counts as longer), the share where the churner had
 * the higher risk; ties in risk count one half, pairs churning at the same
 * time are left out. O(n log n): customers are walked from the longest time
 * down while a Fenwick tree counts the longer-lived ones by risk rank.
 */
import { inputError } from '../shared/input-error';
import { checkSurvivalData, orderByDuration } from './sorted-times';

export function concordanceIndex(duration: ArrayLike<number>, event: ArrayLike<number>, risk: ArrayLike<number>): number {
	checkSurvivalData(duration, event);
	const n = duration.length;
	if (risk.length !== n) throw inputError(`There are ${risk.length} risk scores for ${n} customers.`);
	// Dense ranks of the risk scores, 1-based, for the tree.
	const byRisk = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => risk[a] - risk[b]);
	const rank = new Int32Array(n);
	let ranks = 0;
	for (let k = 0; k < n; k++) {
		if (k === 0 || risk[byRisk[k]] !== risk[byRisk[k - 1]]) ranks++;
		rank[byRisk[k]] = ranks;
	}
	const tree = new Float64Array(ranks + 1);
	const add = (r: number) => {
		for (; r <= ranks; r += r & -r) tree[r]++;
	};
	const below = (r: number) => {
		let s = 0;
		for (; r > 0; r -= r & -r) s += tree[r];
		return s;
	};
	const order = orderByDuration(duration);
	let longer = 0; // customers in the tree
	let concordant = 0;
	let discordant = 0;
	let tied = 0;
	for (let end = n; end > 0; ) {
		const t = duration[order[end - 1]];
		let start = end;
		while (start > 0 && duration[order[start - 1]] === t) start--;
		// Still active at t: longer than those churning at t.
		for (let k = start; k < end; k++) if (!event[order[k]]) (add(rank[order[k]]), longer++);
		for (let k = start; k < end; k++) {
			const i = order[k];
			if (!event[i]) continue;
			const lower = below(rank[i] - 1);
			const same = below(rank[i]) - lower;
			concordant += lower;
			tied += same;
			discordant += longer - lower - same;
		}
		for (let k = start; k < end; k++) if (event[order[k]]) (add(rank[order[k]]), longer++);
		end = start;
	}
	const pairs = concordant + discordant + tied;
	return pairs > 0 ? (concordant + tied / 2) / pairs : NaN;
}
