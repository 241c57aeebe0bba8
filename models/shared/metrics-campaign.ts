/**
 * Campaign metrics (`metrics.ts` re-exports them): who to contact, best scores
 * first, and what a retention campaign at a threshold is expected to earn.
 */
import { checkBins, classCounts as counts, descendingGroups, scoreOrder } from './metrics-common';

export interface GainsPoint {
	/** Share of customers contacted, best scores first (0..1). */
	fractionContacted: number;
	/** Share of all positives among them (0..1). */
	fractionCaptured: number;
	/** fractionCaptured / fractionContacted; at 0 the limit (the top group's lift). */
	lift: number;
}

/** What contacting a customer costs and earns (a retention campaign). */
export interface Economics {
	/** Value kept when a churner is retained. */
	valuePerRetained: number;
	/** Cost of one contact, churner or not. */
	costPerContact: number;
	/** Share of contacted churners who stay (0..1). */
	successRate: number;
}

export interface ProfitPoint {
	threshold: number;
	profit: number;
	/** Customers with score ≥ threshold. */
	contacted: number;
}

/**
 * Cumulative gains and lift at every percentile (101 points, 0 % to 100 %).
 * Customers with tied scores are contacted as a block in unknown order, so a
 * partly contacted block counts its positives pro rata: the curve does not
 * depend on how ties happen to be sorted.
 */
export function gainsCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): GainsPoint[] {
	const { n, positives } = counts(labels, scores);
	if (n === 0 || positives === 0) return [];
	const groups = descendingGroups(labels, scores);
	const baseRate = positives / n;
	const points: GainsPoint[] = [];
	let g = 0;
	for (let k = 0; k <= 100; k++) {
		const contacted = (k / 100) * n;
		while (g < groups.length - 1 && groups[g].end < contacted) g++;
		const group = groups[g];
		const before = group.cumPositives - group.positives;
		const share = Math.min(1, Math.max(0, (contacted - group.start) / (group.end - group.start)));
		const captured = (before + share * group.positives) / positives;
		const fractionContacted = k / 100;
		// At 0 % the ratio is 0/0; its limit is the top block's lift.
		const lift = k === 0 ? groups[0].positives / (groups[0].end - groups[0].start) / baseRate : captured / fractionContacted;
		points.push({ fractionContacted, fractionCaptured: captured, lift });
	}
	return points;
}

function checkEconomics(e: Economics): void {
	for (const key of ['valuePerRetained', 'costPerContact', 'successRate'] as const) {
		if (!Number.isFinite(e[key])) throw new Error(`invalid ${key}: ${e[key]}`);
	}
}

/**
 * Expected campaign profit if every customer scoring ≥ threshold is contacted:
 * a churner yields successRate × valuePerRetained − costPerContact, anyone
 * else −costPerContact. Thresholds are 0, 1/steps, …, 1 (steps = 100 matches
 * the threshold slider).
 */
export function profitCurve(labels: ArrayLike<number>, scores: ArrayLike<number>, economics: Economics, steps = 100): ProfitPoint[] {
	counts(labels, scores);
	checkEconomics(economics);
	checkBins(steps);
	const thresholds = Array.from({ length: steps + 1 }, (_, i) => i / steps);
	return profitAt(labels, scores, thresholds, economics);
}

/** Expected profit at the given thresholds (any order; a threshold above every score contacts nobody: profit 0). */
export function profitAt(labels: ArrayLike<number>, scores: ArrayLike<number>, thresholds: number[], economics: Economics): ProfitPoint[] {
	const { n } = counts(labels, scores);
	const gain = economics.successRate * economics.valuePerRetained - economics.costPerContact;
	const order = scoreOrder(scores);
	// cumPositives[m] = positives among the m best-scored customers.
	const cumPositives = new Float64Array(n + 1);
	for (let m = 0; m < n; m++) cumPositives[m + 1] = cumPositives[m] + (labels[order[m]] === 1 ? 1 : 0);
	return thresholds.map((threshold) => {
		// Binary search: the number of scores ≥ threshold.
		let lo = 0;
		let hi = n;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (scores[order[mid]] >= threshold) lo = mid + 1;
			else hi = mid;
		}
		const churners = cumPositives[lo];
		const profit = churners * gain - (lo - churners) * economics.costPerContact;
		// `+ 0` turns −0 (nobody contacted, cost × 0) into 0.
		return { threshold, profit: profit + 0, contacted: lo };
	});
}

/**
 * The profit curve's best point; among equal profits the highest threshold
 * (the fewest contacts) wins.
 */
export function bestProfitThreshold(labels: ArrayLike<number>, scores: ArrayLike<number>, economics: Economics, steps = 100): ProfitPoint {
	const curve = profitCurve(labels, scores, economics, steps);
	let best = curve[0];
	for (const point of curve) if (point.profit >= best.profit) best = point;
	return best;
}
