/**
 * The terms TF-IDF counts: word 1- and 2-grams over the shared tokenizer's
 * tokens, and optionally character 3–5-grams inside each word padded with a
 * space on both sides (scikit-learn's 'char_wb'), which let "délicieux",
 * "delicieux" and "delicous" share evidence. Each occurrence reports the
 * tokens it covers, for explanations.
 */
import type { Token } from '../tokenize';

export const CHAR_MIN = 3;
export const CHAR_MAX = 5;

/** Calls `emit(term, first, last)` for each word unigram and bigram (tokens first..last). */
export function wordNgrams(tokens: readonly Token[], emit: (term: string, first: number, last: number) => void): void {
	for (let i = 0; i < tokens.length; i++) {
		emit(tokens[i].token, i, i);
		if (i + 1 < tokens.length) emit(`${tokens[i].token} ${tokens[i + 1].token}`, i, i + 1);
	}
}

/** Tokens that get character n-grams: words and numbers (emoji and "!" are whole terms already). */
export const hasCharNgrams = (t: Token): boolean => t.kind === 'word' || t.kind === 'number';
const ASTRAL = /[\ud800-\udfff]/;

/**
 * Calls `emit(gram)` for the character n-grams of one word, padded " word ":
 * all CHAR_MIN..CHAR_MAX-grams, and a short word once whole (as scikit-learn's
 * char_wb does). Code points, not UTF-16 units, so no surrogate pair is cut.
 */
export function wordCharNgrams(word: string, emit: (gram: string) => void): void {
	const padded = ` ${word} `;
	const chars = ASTRAL.test(padded) ? Array.from(padded) : null;
	const length = chars ? chars.length : padded.length;
	for (let n = CHAR_MIN; n <= CHAR_MAX; n++) {
		if (length <= n) {
			emit(padded);
			return;
		}
		for (let at = 0; at + n <= length; at++) emit(chars ? chars.slice(at, at + n).join('') : padded.slice(at, at + n));
	}
}

/** Calls `emit(gram, token)` for the character n-grams of each word token. */
export function charNgrams(tokens: readonly Token[], emit: (gram: string, token: number) => void): void {
	for (let t = 0; t < tokens.length; t++) {
		if (hasCharNgrams(tokens[t])) wordCharNgrams(tokens[t].token, (gram) => emit(gram, t));
	}
}
