/**
 * Pure helpers the text cell's views share: reading predictions out of
 * row-major probabilities, the misclassified test texts, the columns written
 * back to DuckDB, and the text split into highlighted pieces.
 */
import type { TermWeight, TokenContribution } from '$lib/clients/train';

/** Index of the largest of `k` probabilities of row `row` (ties: the first). */
export function argmaxAt(probabilities: ArrayLike<number>, row: number, k: number): number {
	let top = 0;
	for (let c = 1; c < k; c++) if (probabilities[row * k + c] > probabilities[row * k + top]) top = c;
	return top;
}

/** A wrongly predicted test text: its index among the test rows, the predicted class and its probability. */
export interface Miss {
	index: number;
	actual: number;
	predicted: number;
	probability: number;
}

/** Test rows the model got wrong, the most confident mistakes first (the most telling ones). */
export function misclassified(probabilities: ArrayLike<number>, labels: ArrayLike<number>, k: number): Miss[] {
	const misses: Miss[] = [];
	for (let i = 0; i < labels.length; i++) {
		const predicted = argmaxAt(probabilities, i, k);
		if (predicted !== labels[i]) misses.push({ index: i, actual: labels[i], predicted, probability: probabilities[i * k + predicted] });
	}
	return misses.sort((a, b) => b.probability - a.probability || a.index - b.index);
}

/** Output column names: the label and score, plus one probability per class for several classes. */
export const SENTIMENT_COLUMNS = { label: 'sentiment_label', score: 'sentiment_score' } as const;

/**
 * SQL-friendly, unique `p_<class>` names: accents dropped from Latin letters, anything but
 * letters and digits becomes "_", lower case (DuckDB names ignore case).
 * @example classColumnNames(['Very good', 'très bien', '1']) // ['p_very_good', 'p_tres_bien', 'p_1']
 */
export function classColumnNames(classes: string[]): string[] {
	const used = new Set<string>(Object.values(SENTIMENT_COLUMNS));
	return classes.map((c) => {
		const stem =
			c
				.normalize('NFKD')
				// Accents go from Latin letters only: marks are part of other scripts' letters (Arabic hamza…).
				.replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
				.normalize('NFC')
				.toLowerCase()
				.replace(/[^\p{L}\p{N}]+/gu, '_')
				.replace(/^_+|_+$/g, '') || 'class';
		let name = `p_${stem}`;
		for (let n = 2; used.has(name); n++) name = `p_${stem}_${n}`;
		used.add(name);
		return name;
	});
}

/**
 * The columns written beside the scored table: `sentiment_label` (the most
 * likely class), `sentiment_score` (probability of the positive class for two
 * classes, of the predicted class otherwise) and, for several classes, `p_<class>`.
 */
export function sentimentColumns(classes: string[], probabilities: ArrayLike<number>, rows: number): Record<string, Float64Array | string[]> {
	const k = classes.length;
	const predicted = Array.from({ length: rows }, (_, r) => argmaxAt(probabilities, r, k));
	const columns: Record<string, Float64Array | string[]> = {
		[SENTIMENT_COLUMNS.label]: predicted.map((c) => classes[c]),
		[SENTIMENT_COLUMNS.score]: Float64Array.from(predicted, (c, r) => probabilities[r * k + (k === 2 ? 1 : c)])
	};
	if (k > 2) classColumnNames(classes).forEach((name, c) => (columns[name] = Float64Array.from({ length: rows }, (_, r) => probabilities[r * k + c])));
	return columns;
}

/** How many rows each class gets, in class order. */
export function classCounts(classes: string[], probabilities: ArrayLike<number>, rows: number): number[] {
	const counts = new Array<number>(classes.length).fill(0);
	for (let r = 0; r < rows; r++) counts[argmaxAt(probabilities, r, classes.length)]++;
	return counts;
}

/** Share of rows two predictions agree on. */
export function agreement(a: ArrayLike<number>, b: ArrayLike<number>, rows: number, k: number): number {
	let same = 0;
	for (let r = 0; r < rows; r++) if (argmaxAt(a, r, k) === argmaxAt(b, r, k)) same++;
	return rows ? same / rows : 0;
}

/** Terms pushing towards the class (largest first) and against it (most negative first). */
export function splitTerms(terms: TermWeight[], n = 12): { towards: TermWeight[]; against: TermWeight[] } {
	return {
		towards: terms.filter((t) => t.weight > 0).sort((a, b) => b.weight - a.weight).slice(0, n),
		against: terms.filter((t) => t.weight < 0).sort((a, b) => a.weight - b.weight).slice(0, n)
	};
}

/** A piece of the displayed text: plain, or a token with its weight. */
export interface TextPiece {
	text: string;
	weight: number | null;
}

/**
 * The cleaned text cut into plain pieces and weighted tokens, in order.
 * Overlapping or out-of-range offsets are skipped so a bad explanation never
 * garbles the text.
 */
export function textPieces(text: string, tokens: TokenContribution[]): TextPiece[] {
	const pieces: TextPiece[] = [];
	let at = 0;
	for (const t of [...tokens].sort((a, b) => a.start - b.start)) {
		if (t.start < at || t.end > text.length || t.end <= t.start) continue;
		if (t.start > at) pieces.push({ text: text.slice(at, t.start), weight: null });
		pieces.push({ text: text.slice(t.start, t.end), weight: t.weight });
		at = t.end;
	}
	if (at < text.length) pieces.push({ text: text.slice(at), weight: null });
	return pieces;
}

/** Largest absolute weight (1 when all are zero), to scale highlight intensity. */
export function maxAbsWeight(tokens: { weight: number }[]): number {
	const m = tokens.reduce((s, t) => Math.max(s, Math.abs(t.weight)), 0);
	return m > 0 ? m : 1;
}
