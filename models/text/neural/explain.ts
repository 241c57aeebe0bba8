/**
 * Occlusion explanations for the neural text models: a token's weight is how
 * much the class probability drops when that token is replaced by `<unk>`
 * (the model saw `<unk>` in place of dropped words while training, so this is
 * a "word missing" input it knows). All variants of all texts are scored in
 * one batched pass.
 */
import { tokenizeRaw, type Token } from '../tokenize';
import { UNK } from '../vocab';
import type { TermWeight, TextExplanation } from '../types';
import { textIds } from './encode';

export const OCCLUSION_METHOD = 'occlusion (Δ probability when the word is replaced by <unk>)';

/**
 * Where each of `n` tokens lands in the encoded ids (`textIds`): long texts
 * keep their head (¾) and tail (¼), so middle tokens are not seen (-1).
 */
export function encodedPositions(n: number, maxLength: number): Int32Array {
	const pos = new Int32Array(n);
	if (n <= maxLength) return pos.map((_, i) => i);
	const head = Math.ceil(maxLength * 0.75);
	const tail = maxLength - head;
	for (let i = 0; i < n; i++) pos[i] = i < head ? i : i >= n - tail ? head + i - (n - tail) : -1;
	return pos;
}

export interface Occluded {
	/** The cleaned text and its tokens (offsets into it). */
	text: string;
	tokens: Token[];
	/** `[tokens × K]`: probability of each class with the token minus without it (0 for unseen or unknown tokens). */
	effects: Float32Array;
}

/** Scores token-id sequences: class probabilities `[n × K]`, row-major. */
export type SequenceScorer = (seqs: Int32Array[]) => Promise<Float32Array>;

export async function occlude(score: SequenceScorer, texts: readonly string[], index: Map<string, number>, maxLength: number, k: number): Promise<Occluded[]> {
	const seqs: Int32Array[] = [];
	const plans = texts.map((raw) => {
		const { text, tokens } = tokenizeRaw(raw);
		const ids = textIds(tokens.map((t) => t.token), index, maxLength);
		const base = seqs.push(ids) - 1;
		const positions = encodedPositions(tokens.length, maxLength);
		// One variant per token the model sees as a known word; others cannot change the score.
		const variants = Array.from(positions, (p) => {
			if (p < 0 || ids[p] === UNK) return -1;
			const v = ids.slice();
			v[p] = UNK;
			return seqs.push(v) - 1;
		});
		return { text, tokens, base, variants };
	});
	const probs = await score(seqs);
	return plans.map(({ text, tokens, base, variants }) => {
		const effects = new Float32Array(tokens.length * k);
		variants.forEach((v, i) => {
			if (v < 0) return;
			for (let c = 0; c < k; c++) effects[i * k + c] = probs[base * k + c] - probs[v * k + c];
		});
		return { text, tokens, effects };
	});
}

export function explanationOf(o: Occluded, classIndex: number, k: number): TextExplanation {
	return {
		text: o.text,
		classIndex,
		tokens: o.tokens.map((t, i) => ({ text: o.text.slice(t.start, t.end), start: t.start, end: t.end, weight: o.effects[i * k + classIndex] })),
		method: OCCLUSION_METHOD
	};
}

/**
 * For `topTerms`: per text, the effect on each class of replacing every
 * occurrence of a known word by `<unk>` (one variant per distinct word, not
 * per position: fewer sequences to score, and a word's effect in a text
 * includes all its uses there).
 */
export async function occludeTerms(score: SequenceScorer, texts: readonly string[], index: Map<string, number>, maxLength: number, k: number): Promise<Map<string, Float32Array>[]> {
	const seqs: Int32Array[] = [];
	const plans = texts.map((raw) => {
		const words = tokenizeRaw(raw).tokens.map((t) => t.token);
		const ids = textIds(words, index, maxLength);
		const base = seqs.push(ids) - 1;
		const positions = new Map<string, number[]>();
		encodedPositions(words.length, maxLength).forEach((p, i) => {
			if (p >= 0 && ids[p] !== UNK) positions.set(words[i], [...(positions.get(words[i]) ?? []), p]);
		});
		const variants = [...positions].map(([word, at]) => {
			const v = ids.slice();
			for (const p of at) v[p] = UNK;
			return { word, row: seqs.push(v) - 1 };
		});
		return { base, variants };
	});
	const probs = await score(seqs);
	return plans.map(({ base, variants }) => {
		const effects = new Map<string, Float32Array>();
		for (const { word, row } of variants) effects.set(word, Float32Array.from({ length: k }, (_, c) => probs[base * k + c] - probs[row * k + c]));
		return effects;
	});
}

/** Mean occlusion effect per word over the texts of a sample that contain it, per class. */
export interface TermEffects {
	terms: string[];
	/** `[terms × K]` mean effects. */
	means: Float64Array;
	/** Texts in which each term was seen (as a known word). */
	counts: Int32Array;
}

export function termEffects(perText: readonly Map<string, Float32Array>[], k: number): TermEffects {
	const sums = new Map<string, { sum: Float64Array; texts: number }>();
	for (const effects of perText) {
		for (const [word, row] of effects) {
			const entry = sums.get(word) ?? { sum: new Float64Array(k), texts: 0 };
			row.forEach((e, c) => (entry.sum[c] += e));
			entry.texts++;
			sums.set(word, entry);
		}
	}
	const terms = [...sums.keys()];
	const means = new Float64Array(terms.length * k);
	const counts = new Int32Array(terms.length);
	terms.forEach((term, j) => {
		const { sum, texts } = sums.get(term)!;
		counts[j] = texts;
		for (let c = 0; c < k; c++) means[j * k + c] = sum[c] / texts;
	});
	return { terms, means, counts };
}

/**
 * The strongest terms for (positive weights, strongest first) and against
 * (negative, strongest last) `classIndex`, ⌈n/2⌉ of each. Terms seen in only
 * one text are left out when the sample has 20 texts or more: one review's
 * context would otherwise dominate the list.
 */
export function strongestTerms(effects: TermEffects, classIndex: number, n: number, k: number, sampleSize: number): TermWeight[] {
	const minTexts = sampleSize >= 20 ? 2 : 1;
	const all = effects.terms
		.map((term, j) => ({ term, weight: effects.means[j * k + classIndex], texts: effects.counts[j] }))
		.filter((t) => t.texts >= minTexts && t.weight !== 0)
		.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
	const half = Math.ceil(n / 2);
	const positives = all.filter((t) => t.weight > 0).slice(0, half);
	const negatives = all.filter((t) => t.weight < 0).slice(-half);
	return [...positives, ...negatives].map(({ term, weight }) => ({ term, weight }));
}
