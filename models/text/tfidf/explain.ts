/**
 * Why TF-IDF + logistic regression scored a text as it did. A text's logit is
 * Σ weight_f × tfidf_f over its n-grams; each n-gram's term is shared evenly
 * by its occurrences and, within one, by its tokens, so token weights add up
 * to the logit minus the intercept. For two classes the weights are the
 * log-odds coefficients (negated for class 0); for softmax, class k's
 * coefficient minus the mean of the other classes' (what moves k's logit
 * relative to the rest).
 */
import { tokenizeRaw } from '../tokenize';
import type { TermWeight, TextExplanation } from '../types';
import type { Vectorizer } from './features';
import { charNgrams, wordNgrams } from './ngrams';

export interface LinearModel {
	classes: string[];
	outputs: number;
	weights: Float64Array;
}

/** Per feature: how much one unit of it pushes towards `classIndex` (see the file comment). */
export function classCoefficients(model: LinearModel, classIndex: number, cols: number): Float64Array {
	const { outputs, weights } = model;
	const out = new Float64Array(cols);
	if (outputs === 1) {
		const sign = classIndex === 1 ? 1 : -1;
		for (let f = 0; f < cols; f++) out[f] = sign * weights[f];
		return out;
	}
	for (let f = 0; f < cols; f++) {
		let others = 0;
		for (let k = 0; k < outputs; k++) if (k !== classIndex) others += weights[f * outputs + k];
		out[f] = weights[f * outputs + classIndex] - others / (outputs - 1);
	}
	return out;
}

export function methodOf(model: LinearModel, classIndex: number): string {
	const target = `"${model.classes[classIndex]}"`;
	return model.outputs === 1
		? `coefficient × tf-idf of each n-gram, shared evenly by its tokens (log-odds towards ${target})`
		: `coefficient × tf-idf of each n-gram, shared evenly by its tokens (softmax: the weight of ${target} minus the mean weight of the other classes)`;
}

export function explainWithVectorizer(model: LinearModel, vectorizer: Vectorizer, raw: string, classIndex: number): TextExplanation {
	const { text, tokens } = tokenizeRaw(raw);
	const { indices, values } = vectorizer.row(tokens);
	const value = new Map<number, number>();
	indices.forEach((f, i) => value.set(f, values[i]));
	const coef = classCoefficients(model, classIndex, vectorizer.cols);

	// Occurrences of each feature in this text: tokens first..last.
	const occurrences: { f: number; first: number; last: number }[] = [];
	const count = new Map<number, number>();
	const note = (f: number | undefined, first: number, last: number) => {
		if (f === undefined) return;
		occurrences.push({ f, first, last });
		count.set(f, (count.get(f) ?? 0) + 1);
	};
	wordNgrams(tokens, (term, first, last) => note(vectorizer.wordFeature(term), first, last));
	if (vectorizer.usesChars) charNgrams(tokens, (gram, t) => note(vectorizer.charFeature(gram), t, t));

	const weight = new Float64Array(tokens.length);
	for (const { f, first, last } of occurrences) {
		const share = (coef[f] * value.get(f)!) / count.get(f)! / (last - first + 1);
		for (let t = first; t <= last; t++) weight[t] += share;
	}
	return {
		text,
		classIndex,
		tokens: tokens.map((t, i) => ({ text: text.slice(t.start, t.end), start: t.start, end: t.end, weight: weight[i] })),
		method: methodOf(model, classIndex)
	};
}

/**
 * The word n-grams (unigrams and bigrams such as "not good") with the largest
 * coefficients for and against `classIndex`: ceil(n / 2) each way, strongest
 * for first and strongest against last. Character n-grams are left out: as
 * fragments ("_gre") they say little on their own.
 */
export function topWordTerms(model: LinearModel, terms: readonly string[], cols: number, classIndex: number, n: number): TermWeight[] {
	const coef = classCoefficients(model, classIndex, cols);
	const all = terms.map((term, f) => ({ term, weight: coef[f] })).filter((t) => t.weight !== 0);
	all.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
	const half = Math.ceil(n / 2);
	return [...all.filter((t) => t.weight > 0).slice(0, half), ...all.filter((t) => t.weight < 0).slice(-half)];
}
