/**
 * The user's own word list: word (or short phrase) → score on any scale, in
 * any language our tokenizer reads. A text's score is the sum of its matches,
 * negation flipping the sign; it is positive from half a typical entry's
 * score (the median |score|), so ±1 lists and −5..5 lists behave alike.
 */
import { buildTermTable, tableSize } from './terms';
import { typicalScore, wordListScorer, type Scorer } from './scorer';

export interface WordScore {
	word: string;
	score: number;
}

/** A scorer for `entries`; refuses a list none of whose entries is a word. */
export function customScorer(entries: readonly WordScore[]): Scorer {
	const usable = entries.filter((e) => typeof e?.word === 'string' && Number.isFinite(e.score));
	const table = buildTermTable(usable);
	if (tableSize(table) === 0) {
		throw new Error('The custom word list has no usable entries: load a CSV file of "word,score" lines (e.g. "great,1" and "awful,-2").');
	}
	return wordListScorer(table, typicalScore(usable.map((e) => e.score)), 'custom word list score, sign flipped after a negation');
}
