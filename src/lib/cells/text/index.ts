import { TEXT_KINDS, type LexiconSource, type TextKind } from '$models/text/light';
import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';

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

export const textCell = defineCell<TextParams>({
	type: 'text',
	label: () => M.cellLabel,
	add: { text: () => M.add, order: 9 },
	params: {
		table: param.text(),
		text: param.text(),
		target: param.text(),
		positive: param.text(),
		splitColumn: param.text(),
		testFraction: param.number(0.2, { min: 0, max: 1 }),
		seed: param.number(42),
		models: param.textList(TEXT_KINDS, { values: TEXT_KINDS }),
		auto: param.flag(true),
		lexicon: param.oneOf(LEXICON_SOURCES, 'vader'),
		wordList: param.text(),
		wordListName: param.text(),
		wordListSize: param.number(0, { min: 0 }),
		charNgrams: param.flag(false),
		maxLength: param.number(160, { min: 1, integer: true }),
		epochs: param.number(8, { min: 1, integer: true }),
		vocabSize: param.number(20000, { min: 1, integer: true }),
		resultKey: param.text(),
		selected: param.text(),
		scoreTable: param.text(),
		scoredName: param.text()
	},
	processing: 'model',
	reads: (p) => [...new Set([p.table, p.scoreTable].filter(Boolean))],
	writes: (p) => (p.scoredName ? [p.scoredName] : []),
	// The trained result and the user's word list.
	keeps: (p) => ({ results: [p.resultKey, p.wordList].filter(Boolean) }),
	start: ({ source }) => (source ? { table: source } : {})
});
