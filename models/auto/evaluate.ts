/**
 * Test-set metrics of one model's probabilities, binary or multiclass, and
 * permutation importance (drop of the selection score when a column is shuffled).
 */
import type { Features, Prediction } from '../types';
import { averagePrecision, confusionAt, logLoss, macroF1, multiclassAccuracy, multiLogLoss, rocAuc } from '../shared/metrics';
import { createRng } from '../shared/random';
import type { TestMetrics } from './types';

/** Positive-class scores of a binary prediction. */
export function positiveScores(p: Prediction): Float64Array {
	const k = p.classes.length;
	return Float64Array.from({ length: p.probabilities.length / k }, (_, r) => p.probabilities[r * k + k - 1]);
}

/** Every leaderboard metric of a prediction against class indexes `y`. */
export function testMetrics(y: Int32Array, p: Prediction): TestMetrics {
	const k = p.classes.length;
	const accuracy = multiclassAccuracy(y, p.probabilities, k);
	const macro = macroF1(y, p.probabilities, k);
	if (k === 2) {
		const scores = positiveScores(p);
		const labels = Array.from(y);
		return {
			auc: rocAuc(labels, scores),
			prAuc: averagePrecision(labels, scores),
			logloss: logLoss(labels, scores),
			accuracy: confusionAt(labels, scores, 0.5).accuracy,
			f1: confusionAt(labels, scores, 0.5).f1,
			macroF1: macro
		};
	}
	// Multiclass: macro one-vs-rest AUC / AP, multinomial log loss.
	let auc = 0;
	let ap = 0;
	for (let c = 0; c < k; c++) {
		const labels = Array.from(y, (v) => (v === c ? 1 : 0));
		const scores = Float64Array.from({ length: y.length }, (_, r) => p.probabilities[r * k + c]);
		auc += rocAuc(labels, scores) / k;
		ap += averagePrecision(labels, scores) / k;
	}
	return { auc, prAuc: ap, logloss: multiLogLoss(y, p.probabilities, k), accuracy, f1: macro, macroF1: macro };
}

/** The number the search maximises: AUC for binary targets, accuracy for multiclass. */
export function selectionScore(m: TestMetrics, classes: number): number {
	return classes === 2 ? m.auc : m.accuracy;
}

function shuffledColumn(X: Features, index: number, seed: number): Features {
	const rng = createRng(seed);
	const order = Int32Array.from({ length: X.rows }, (_, i) => i);
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	const columns = X.columns.map((c, i) => {
		if (i !== index) return c;
		if (c.kind === 'numeric') return { ...c, values: Float64Array.from(order, (r) => c.values[r]) };
		return { ...c, codes: Int32Array.from(order, (r) => c.codes[r]) };
	});
	return { rows: X.rows, columns };
}

/** Drop of the selection score when each column is shuffled (model-agnostic importance), sorted. */
export async function permutationImportance(
	predict: (X: Features) => Promise<Prediction>,
	X: Features,
	y: Int32Array,
	baseline: number,
	seed: number,
	signal: AbortSignal,
	/** Time on the `performance.now()` clock after which no more columns are shuffled (the budget's end). */
	stopAt = Infinity
): Promise<{ feature: string; value: number }[]> {
	const out: { feature: string; value: number }[] = [];
	for (let i = 0; i < X.columns.length; i++) {
		if (signal.aborted || performance.now() >= stopAt) break;
		const p = await predict(shuffledColumn(X, i, seed + i));
		out.push({ feature: X.columns[i].name, value: baseline - selectionScore(testMetrics(y, p), p.classes.length) });
	}
	return out.sort((a, b) => b.value - a.value);
}

/**
 * Permutation importance of a blend, from its members' own: the mean drop over
 * the members (a column a member does not use counts as 0 there), sorted.
 * The blend averages the members' log-odds, so a column that matters to
 * them matters to it; this costs no extra prediction within the time budget.
 */
export function meanImportance(members: { feature: string; value: number }[][]): { feature: string; value: number }[] {
	const sums = new Map<string, number>();
	for (const list of members) for (const { feature, value } of list) sums.set(feature, (sums.get(feature) ?? 0) + value);
	return [...sums].map(([feature, sum]) => ({ feature, value: sum / Math.max(1, members.length) })).sort((a, b) => b.value - a.value);
}
