/**
 * Statistics behind the explanation charts, Plot-free: mean |SHAP| per
 * column, quantile ranks for colouring, and the strongest interacting column
 * of a dependence plot.
 */
import type { ExplainData } from '$models/explain';

/** One column's average push on the churn probability, in points. */
export interface FeatureImpact {
	feature: string;
	/** Position in `data.features`. */
	index: number;
	/** Mean |SHAP| over the customers, in points (×100). */
	points: number;
}

/** Position of `feature` in `data.features`; unknown names throw. */
export function featureIndex(data: ExplainData, feature: string): number {
	const f = data.features.indexOf(feature);
	if (f < 0) throw new Error(`invalid feature: ${feature}`);
	return f;
}

/** One column's SHAP values (probability units), one per customer. */
export function shapColumn(data: ExplainData, f: number): number[] {
	const width = data.features.length;
	return Array.from({ length: data.rows }, (_, r) => data.values[r * width + f]);
}

/** Every column's mean |SHAP| in points, largest first (ties by name). */
export function meanAbsShap(data: ExplainData): FeatureImpact[] {
	return data.features
		.map((feature, index) => {
			const column = shapColumn(data, index).filter(Number.isFinite);
			const points = column.length ? (100 * column.reduce((s, v) => s + Math.abs(v), 0)) / column.length : 0;
			return { feature, index, points };
		})
		.sort((a, b) => b.points - a.points || a.feature.localeCompare(b.feature));
}

/**
 * Each numeric value's quantile rank in 0..1 (ties share their mean rank; a
 * single value ranks 0.5); text and missing values get null.
 */
export function quantileRanks(values: readonly (number | string | null)[]): (number | null)[] {
	const order = values
		.map((v, i) => ({ v, i }))
		.filter((e): e is { v: number; i: number } => typeof e.v === 'number' && Number.isFinite(e.v))
		.sort((a, b) => a.v - b.v);
	const ranks: (number | null)[] = values.map(() => null);
	const last = order.length - 1;
	for (let start = 0; start <= last; ) {
		let end = start;
		while (end < last && order[end + 1].v === order[start].v) end++;
		const rank = last === 0 ? 0.5 : (start + end) / 2 / last;
		for (let k = start; k <= end; k++) ranks[order[k].i] = rank;
		start = end + 1;
	}
	return ranks;
}

const MISSING = '\u0000missing';
/** Customers per bin of a numeric column in the interaction search. */
const BIN_SIZE = 30;
const MAX_BINS = 20;

/** Groups of customers with similar values of column `f`: quantile bins (numeric) or levels (text); missing apart. */
function valueBins(data: ExplainData, f: number): number[][] {
	const values = data.featureValues[f] ?? [];
	const rows = Array.from({ length: data.rows }, (_, r) => r);
	if (data.kinds[f] === 'categorical') {
		const groups = new Map<string, number[]>();
		for (const r of rows) {
			const key = values[r] === null || values[r] === undefined ? MISSING : String(values[r]);
			const group = groups.get(key);
			if (group) group.push(r);
			else groups.set(key, [r]);
		}
		return [...groups.values()];
	}
	const present = rows.filter((r) => typeof values[r] === 'number' && Number.isFinite(values[r]));
	const isPresent = new Set(present);
	const missing = rows.filter((r) => !isPresent.has(r));
	present.sort((a, b) => (values[a] as number) - (values[b] as number));
	const count = Math.max(1, Math.min(MAX_BINS, Math.round(present.length / BIN_SIZE)));
	const bins = Array.from({ length: count }, (_, b) =>
		present.slice(Math.floor((b * present.length) / count), Math.floor(((b + 1) * present.length) / count))
	);
	return [...bins, missing].filter((b) => b.length > 0);
}

/** Share of the variance of `y` that `z` explains (adjusted R²): a linear fit for numbers, group means for text. */
function explainedShare(y: number[], z: (number | string)[]): number | null {
	const n = y.length;
	const mean = y.reduce((s, v) => s + v, 0) / n;
	const total = y.reduce((s, v) => s + (v - mean) ** 2, 0);
	if (n < 3 || total <= 1e-24) return null;
	let r2: number;
	let params: number;
	if (typeof z[0] === 'number') {
		const zs = z as number[];
		const zMean = zs.reduce((s, v) => s + v, 0) / n;
		let cov = 0;
		let zVar = 0;
		for (let i = 0; i < n; i++) {
			cov += (y[i] - mean) * (zs[i] - zMean);
			zVar += (zs[i] - zMean) ** 2;
		}
		if (zVar <= 0) return null;
		r2 = (cov * cov) / (zVar * total);
		params = 2;
	} else {
		const groups = new Map<string | number, { sum: number; count: number }>();
		z.forEach((key, i) => {
			const g = groups.get(key) ?? { sum: 0, count: 0 };
			g.sum += y[i];
			g.count++;
			groups.set(key, g);
		});
		if (groups.size < 2 || n <= groups.size) return null;
		let between = 0;
		for (const g of groups.values()) between += g.count * (g.sum / g.count - mean) ** 2;
		r2 = between / total;
		params = groups.size;
	}
	// Adjusting for the parameters keeps many-level text columns from winning by chance.
	return Math.max(0, 1 - ((1 - r2) * (n - 1)) / (n - params));
}

/**
 * The other column that best explains how `feature`'s SHAP values spread
 * among customers with similar values of `feature`, or null when none does.
 *
 * Heuristic (after SHAP's `approximate_interactions`): customers are binned
 * by `feature` (about 30 per quantile bin, or one bin per level); within each
 * bin the residual SHAP − bin mean is set against each other column
 * (numbers by quantile rank, text by level) and the adjusted R² is averaged
 * over the bins, weighted by size. Within-bin fits also catch interactions
 * whose sign flips along `feature`.
 */
export function strongestInteraction(data: ExplainData, feature: string): string | null {
	const f = featureIndex(data, feature);
	const shap = shapColumn(data, f);
	const bins = valueBins(data, f);
	let best: string | null = null;
	let bestScore = 1e-9;
	data.features.forEach((other, j) => {
		if (j === f) return;
		const numeric = data.kinds[j] !== 'categorical';
		const values = data.featureValues[j] ?? [];
		const codes: (number | string | null)[] = numeric
			? quantileRanks(values)
			: values.map((v) => (v === null || v === undefined ? MISSING : String(v)));
		let weighted = 0;
		let weight = 0;
		for (const bin of bins) {
			const rows = bin.filter((r) => codes[r] !== null && Number.isFinite(shap[r]));
			const share = rows.length ? explainedShare(rows.map((r) => shap[r]), rows.map((r) => codes[r] as number | string)) : null;
			if (share === null) continue;
			weighted += share * rows.length;
			weight += rows.length;
		}
		const score = weight > 0 ? weighted / weight : 0;
		if (score > bestScore) {
			best = other;
			bestScore = score;
		}
	});
	return best;
}
