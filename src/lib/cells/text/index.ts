import { TEXT_KINDS, type LexiconSource, type TextKind } from '$models/text/light';
import { isString, type CellDefinition } from '../types';

/**
 * A text cell: sentiment or message classes on a text column. With a label
 * column it trains and compares the text models; without one it scores with
 * the lexicon and the shipped pretrained model. Predictions are written back
 * as `<table>_sentiment`.
 */
export interface TextParams {
	table: string;
	/** The column holding the texts (reviews, comments, messages). */
	text: string;
	/** The label column; '' = none (score with the lexicon and the pretrained model). */
	target: string;
	/** Positive label of a two-label target; '' = guessed from the names. */
	positive: string;
	/** A column with "train"/"test" values; '' = stratified split. */
	splitColumn: string;
	testFraction: number;
	seed: number;
	models: TextKind[];
	/** Also blend the best models when the held-out rows say it helps. */
	auto: boolean;
	lexicon: LexiconSource;
	/** IndexedDB key of the user's word list (lexicon 'custom'), its file name and number of words. */
	wordList: string;
	wordListName: string;
	wordListSize: number;
	/** Character 3–5-grams for TF-IDF (French, misspellings). */
	charNgrams: boolean;
	maxLength: number;
	epochs: number;
	vocabSize: number;
	/** IndexedDB key of the last result ('' before the first training). */
	resultKey: string;
	/** Model picked in the comparison ('' = the best one). */
	selected: string;
	/** Table scored with the chosen model, and the table written ('' until the first scoring). */
	scoreTable: string;
	scoredName: string;
}

export const LEXICON_SOURCES: readonly LexiconSource[] = ['vader', 'bing', 'french', 'custom'];

export const textCell: CellDefinition<TextParams> = {
	type: 'text',
	label: 'Sentiment / text classes',
	defaults: () => ({
		table: '',
		text: '',
		target: '',
		positive: '',
		splitColumn: '',
		testFraction: 0.2,
		seed: 42,
		models: [...TEXT_KINDS],
		auto: true,
		lexicon: 'vader',
		wordList: '',
		wordListName: '',
		wordListSize: 0,
		charNgrams: false,
		maxLength: 160,
		epochs: 8,
		vocabSize: 20000,
		resultKey: '',
		selected: '',
		scoreTable: '',
		scoredName: ''
	}),
	check: (p) => {
		for (const k of ['table', 'text', 'target', 'positive', 'splitColumn', 'resultKey', 'scoreTable', 'scoredName']) {
			if (!isString(p[k])) return `invalid ${k}: ${String(p[k])}`;
		}
		for (const k of ['testFraction', 'seed', 'maxLength', 'epochs', 'vocabSize']) {
			if (typeof p[k] !== 'number' || !Number.isFinite(p[k])) return `invalid ${k}: ${String(p[k])}`;
		}
		if (!Array.isArray(p.models) || !p.models.every((m) => TEXT_KINDS.includes(m as TextKind))) return `invalid models: ${String(p.models)}`;
		if (!LEXICON_SOURCES.includes(p.lexicon as LexiconSource)) return `invalid lexicon: ${String(p.lexicon)}`;
		return null;
	},
	reads: (p) => [...new Set([p.table, p.scoreTable].filter(Boolean))],
	writes: (p) => (p.scoredName ? [p.scoredName] : []),
	// The trained result and the user's word list.
	keeps: (p) => ({ results: [p.resultKey, p.wordList].filter(Boolean) }),
	startFrom: (table) => ({ table })
};
