/**
 * The automatic blend of text models: a weighted mean of members'
 * probabilities, weights chosen on held-out training rows by greedy forward
 * selection with replacement (Caruana et al., 2004). It keeps the blend only
 * where the held-out rows say it beats the best single model.
 */
import { TEXT_BLEND_KIND, type TextBlendKind } from '../catalog';
import type { Prediction, TermWeight, TextExplanation, TextModelState } from './types';

export interface BlendState extends TextModelState {
	kind: TextBlendKind;
	members: TextModelState[];
	weights: number[];
}

export const isBlend = (state: TextModelState): state is BlendState => state.kind === TEXT_BLEND_KIND;

/** Mean log loss of row-major probabilities (clipped so a confident miss stays finite). */
export function meanLogLoss(y: Int32Array, probs: Float64Array, k: number): number {
	let sum = 0;
	for (let i = 0; i < y.length; i++) sum -= Math.log(Math.max(probs[i * k + y[i]], 1e-7));
	return sum / Math.max(y.length, 1);
}

/**
 * Weights (summing to 1) over `candidates` (held-out probabilities per member) from `rounds`
 * greedy steps; ties go to the earlier candidate so the result is deterministic.
 */
export function chooseBlendWeights(y: Int32Array, candidates: Float64Array[], k: number, rounds = 20): number[] {
	const counts = new Array<number>(candidates.length).fill(0);
	const sum = new Float64Array(y.length * k);
	for (let round = 1; round <= rounds; round++) {
		let bestIndex = 0;
		let bestLoss = Infinity;
		candidates.forEach((probs, c) => {
			const mixed = sum.map((s, i) => (s + probs[i]) / round);
			const loss = meanLogLoss(y, mixed, k);
			if (loss < bestLoss - 1e-12) [bestLoss, bestIndex] = [loss, c];
		});
		counts[bestIndex]++;
		candidates[bestIndex].forEach((p, i) => (sum[i] += p));
	}
	return counts.map((n) => n / rounds);
}

export function mixPredictions(predictions: Prediction[], weights: number[]): Prediction {
	const out = new Float64Array(predictions[0].probabilities.length);
	predictions.forEach((p, m) => p.probabilities.forEach((v, i) => (out[i] += weights[m] * v)));
	return { classes: predictions[0].classes, probabilities: out };
}

/** Token weights of the members, weighted and added up token by token (all share the tokenizer). */
export function mixExplanations(explanations: TextExplanation[], weights: number[], classIndex: number): TextExplanation {
	const byOffset = new Map<string, { text: string; start: number; end: number; weight: number }>();
	explanations.forEach((e, m) => {
		for (const t of e.tokens) {
			const key = `${t.start}:${t.end}`;
			const entry = byOffset.get(key) ?? { text: t.text, start: t.start, end: t.end, weight: 0 };
			entry.weight += weights[m] * t.weight;
			byOffset.set(key, entry);
		}
	});
	const tokens = [...byOffset.values()].sort((a, b) => a.start - b.start);
	return { text: explanations[0]?.text ?? '', classIndex, tokens, method: 'weighted sum of the blended models’ token weights' };
}

/** Top terms of the blend: members' term weights scaled to a common range, weighted and summed. */
export function mixTopTerms(lists: TermWeight[][], weights: number[], n: number): TermWeight[] {
	const total = new Map<string, number>();
	lists.forEach((list, m) => {
		const scale = Math.max(...list.map((t) => Math.abs(t.weight)), 1e-12);
		for (const t of list) total.set(t.term, (total.get(t.term) ?? 0) + (weights[m] * t.weight) / scale);
	});
	const sorted = [...total].map(([term, weight]) => ({ term, weight })).sort((a, b) => b.weight - a.weight);
	const half = Math.ceil(n / 2);
	const positives = sorted.filter((t) => t.weight > 0).slice(0, half);
	const negatives = sorted.filter((t) => t.weight < 0).slice(-half);
	return [...positives, ...negatives];
}
