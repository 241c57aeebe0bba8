/**
 * Evaluation metrics for churn models: pure maths over plain arrays, no DOM,
 * so the training worker, the views and Node's evaluation command agree.
 *
 * Binary metrics take `labels` (1 = positive, e.g. churned; anything else is
 * negative) and `scores` (predicted probabilities of the positive class).
 * Definitions follow scikit-learn so numbers can be checked against it.
 */
import { checkBins, classCounts as counts, descendingGroups } from './metrics-common';

export * from './metrics-campaign';
export { argmaxRows, confusionMatrix, macroF1, multiclassAccuracy, multiLogLoss } from './metrics-multiclass';

/** Most points a curve keeps: enough to draw, few enough to keep in a notebook. */
export const MAX_CURVE_POINTS = 200;

export interface RocPoint {
	fpr: number;
	tpr: number;
	/** Scores ≥ threshold are positive; the first point's threshold is Infinity (nobody flagged). */
	threshold: number;
}

export interface PrPoint {
	recall: number;
	precision: number;
	threshold: number;
}

export interface Confusion {
	tp: number;
	fp: number;
	tn: number;
	fn: number;
	/** Ratios are 0 when undefined (no predicted or no actual positives), as sklearn's zero_division=0. */
	precision: number;
	recall: number;
	f1: number;
	accuracy: number;
	specificity: number;
}

export interface ScoreBin {
	x0: number;
	x1: number;
	negatives: number;
	positives: number;
}

export interface CalibrationBin {
	meanPredicted: number;
	fractionPositive: number;
	count: number;
}

/**
 * Area under the ROC curve by ranks (Mann–Whitney U), tied scores sharing
 * their average rank. NaN when only one class is present.
 * @example rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.75
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
	const { n, positives } = counts(labels, scores);
	const negatives = n - positives;
	if (positives === 0 || negatives === 0) return NaN;
	// Ascending ranks = descending groups walked from the end.
	let rankSum = 0;
	for (const g of descendingGroups(labels, scores)) {
		const averageRank = n - (g.start + g.end - 1) / 2;
		rankSum += averageRank * g.positives;
	}
	return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Keeps at most `max` items, evenly spaced, always the first and last. */
function downsample<T>(items: T[], max = MAX_CURVE_POINTS): T[] {
	if (items.length <= max) return items;
	const out: T[] = [];
	const step = (items.length - 1) / (max - 1);
	for (let i = 0; i < max; i++) out.push(items[Math.round(i * step)]);
	return out;
}

/**
 * ROC curve from (0, 0) to (1, 1), one point per distinct score, downsampled
 * to at most 200 points (the endpoints kept exactly). Empty when only one class is present.
 */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): RocPoint[] {
	const { n, positives } = counts(labels, scores);
	const negatives = n - positives;
	if (positives === 0 || negatives === 0) return [];
	const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Infinity }];
	for (const g of descendingGroups(labels, scores)) {
		points.push({ fpr: (g.end - g.cumPositives) / negatives, tpr: g.cumPositives / positives, threshold: g.score });
	}
	return downsample(points);
}

/**
 * Average precision as scikit-learn defines it: Σ (R_n − R_{n−1}) P_n over
 * distinct thresholds, without interpolation. NaN without positives.
 * @example averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.8333…
 */
export function averagePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
	const { positives } = counts(labels, scores);
	if (positives === 0) return NaN;
	let ap = 0;
	let previousRecall = 0;
	for (const g of descendingGroups(labels, scores)) {
		const recall = g.cumPositives / positives;
		ap += (recall - previousRecall) * (g.cumPositives / g.end);
		previousRecall = recall;
	}
	return ap;
}

/**
 * Precision–recall curve from (recall 0, precision 1) to (recall 1, the
 * positive rate), one point per distinct score as sklearn ≥ 1.1, at most 200 points.
 */
export function prCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): PrPoint[] {
	const { positives } = counts(labels, scores);
	if (positives === 0) return [];
	const points: PrPoint[] = [{ recall: 0, precision: 1, threshold: Infinity }];
	for (const g of descendingGroups(labels, scores)) {
		points.push({ recall: g.cumPositives / positives, precision: g.cumPositives / g.end, threshold: g.score });
	}
	return downsample(points);
}

const EPS = 1e-15;

/** Mean binary cross-entropy, probabilities clipped to [1e-15, 1 − 1e-15] so a confident miss stays finite. */
export function logLoss(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
	const { n } = counts(labels, scores);
	if (n === 0) return NaN;
	let sum = 0;
	for (let i = 0; i < n; i++) {
		const p = Math.min(1 - EPS, Math.max(EPS, scores[i]));
		sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
	}
	return sum / n;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Confusion counts and ratios when scores ≥ threshold are called positive. */
export function confusionAt(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold: number): Confusion {
	const { n } = counts(labels, scores);
	let tp = 0;
	let fp = 0;
	let tn = 0;
	let fn = 0;
	for (let i = 0; i < n; i++) {
		const flagged = scores[i] >= threshold;
		if (labels[i] === 1) flagged ? tp++ : fn++;
		else flagged ? fp++ : tn++;
	}
	const precision = ratio(tp, tp + fp);
	const recall = ratio(tp, tp + fn);
	return {
		tp,
		fp,
		tn,
		fn,
		precision,
		recall,
		f1: ratio(2 * precision * recall, precision + recall),
		accuracy: ratio(tp + tn, n),
		specificity: ratio(tn, tn + fp)
	};
}

/** Accuracy at a threshold (scores ≥ threshold are positive). */
export const accuracyAt = (labels: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5): number =>
	confusionAt(labels, scores, threshold).accuracy;

/** F1 of the positive class at a threshold. */
export const f1At = (labels: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5): number =>
	confusionAt(labels, scores, threshold).f1;

/**
 * The bin of a probability among `bins` uniform bins on [0, 1], with edges
 * i × (1 / bins) like numpy's linspace so values on an edge land where
 * sklearn's calibration_curve puts them; values outside [0, 1] are clamped.
 */
function binOf(score: number, bins: number): number {
	const width = 1 / bins;
	let b = Math.floor(score * bins);
	// Float edges (0.3 vs 3 × 0.1) can disagree with the floor by one either way.
	if (b > 0 && score < b * width) b--;
	else if (b + 1 < bins && score >= (b + 1) * width) b++;
	return Math.max(0, Math.min(bins - 1, b));
}

/** Reliability diagram data: uniform bins over [0, 1], empty bins left out. */
export function calibrationBins(labels: ArrayLike<number>, scores: ArrayLike<number>, bins = 10): CalibrationBin[] {
	const { n } = counts(labels, scores);
	checkBins(bins);
	const sum = new Float64Array(bins);
	const pos = new Float64Array(bins);
	const count = new Float64Array(bins);
	for (let i = 0; i < n; i++) {
		const b = binOf(scores[i], bins);
		sum[b] += scores[i];
		pos[b] += labels[i] === 1 ? 1 : 0;
		count[b]++;
	}
	const out: CalibrationBin[] = [];
	for (let b = 0; b < bins; b++) {
		if (count[b] > 0) out.push({ meanPredicted: sum[b] / count[b], fractionPositive: pos[b] / count[b], count: count[b] });
	}
	return out;
}

/** Counts of negatives and positives in `bins` uniform score bins over [0, 1]. */
export function scoreHistogram(labels: ArrayLike<number>, scores: ArrayLike<number>, bins = 20): ScoreBin[] {
	const { n } = counts(labels, scores);
	checkBins(bins);
	const out: ScoreBin[] = Array.from({ length: bins }, (_, b) => ({ x0: b / bins, x1: (b + 1) / bins, negatives: 0, positives: 0 }));
	for (let i = 0; i < n; i++) {
		const bin = out[binOf(scores[i], bins)];
		if (labels[i] === 1) bin.positives++;
		else bin.negatives++;
	}
	return out;
}
