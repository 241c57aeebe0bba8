/**
 * The text trainer's request and result: shared by the training worker (the
 * text cell) and `npm run evaluate -- sentiment`, so both run the same code.
 */
import type { CurvePoint } from '../types';
import { labelsOf, TEXT_BLEND_KIND, TEXT_KINDS, type TextBlendKind, type TextKind } from '../catalog';
import type { TermWeight } from './types';

export { TEXT_KINDS, type TextKind } from '../catalog';
/** A comparison row: one model, or the automatic blend of the best ones ('auto'). */
export type TextResultKind = TextKind | TextBlendKind;

/** Each comparison row's name (the catalogue's labels), in the text cell's settings and results alike. */
export const TEXT_MODEL_LABELS: Record<TextResultKind, string> = labelsOf([...TEXT_KINDS, TEXT_BLEND_KIND]);

/** Which word list the lexicon model scores with. */
export type LexiconSource = 'vader' | 'bing' | 'french' | 'custom';

export interface LexiconOptions {
	source: LexiconSource;
	/** The user's own list (source 'custom'): word → score, any language, any scale (negative = bad). */
	custom?: { word: string; score: number }[];
}

export interface NeuralOptions {
	/** Tokens kept per text (head and tail of long texts). */
	maxLength: number;
	/** Upper bound; early stopping usually ends sooner. */
	epochs: number;
	/** Vocabulary size limit (training rows only). */
	vocabSize: number;
}

export const NEURAL_DEFAULTS: NeuralOptions = { maxLength: 160, epochs: 8, vocabSize: 20000 };

export interface TextRequest {
	/** The text column. */
	text: string;
	/** The label column; null scores without training (lexicon and the shipped pretrained model). */
	target: string | null;
	/** Positive class of a binary target (default: guessed from the names, e.g. "great", "positive"). */
	positive: string | null;
	/** A column whose values are "train"/"test"; null for a stratified split. */
	splitColumn: string | null;
	testFraction: number;
	seed: number;
	models: TextKind[];
	/** Also blend the best models (the 'auto' row) when the validation rows say it helps. */
	auto: boolean;
	lexicon: LexiconOptions;
	neural: NeuralOptions;
	/** Add character 3–5-grams to TF-IDF (helps French and misspellings). */
	charNgrams: boolean;
}

export const DEFAULT_TEXT_REQUEST: Omit<TextRequest, 'text' | 'target'> = {
	positive: null,
	splitColumn: null,
	testFraction: 0.2,
	seed: 42,
	models: [...TEXT_KINDS],
	auto: true,
	lexicon: { source: 'vader' },
	neural: { ...NEURAL_DEFAULTS },
	charNgrams: false
};

/** One row of the comparison table (test rows). */
export interface TextModelRow {
	kind: TextResultKind;
	label: string;
	/** Null when the model could not run on this task; `skipped` says why. */
	accuracy: number | null;
	macroF1: number | null;
	/** ROC AUC of the positive class; null for several classes. */
	auc: number | null;
	fitMs: number;
	/** Texts scored per second on the test rows. */
	predictPerS: number | null;
	skipped?: string;
	curve?: CurvePoint[];
}

export interface TextResult {
	classes: string[];
	nTrain: number;
	nTest: number;
	rows: TextModelRow[];
	/** The kind with the best test accuracy (null when no model ran). */
	best: TextResultKind | null;
	/** Test rows: row numbers in the source table, raw texts and true class indices. */
	test: { rows: Int32Array; texts: string[]; labels: Int32Array };
	/** Per model kind: test probabilities (row-major, classes.length per row). */
	probabilities: Partial<Record<TextResultKind, Float64Array>>;
	/** Per model kind: confusion matrix counts [actual][predicted]. */
	confusion: Partial<Record<TextResultKind, number[][]>>;
	/** Per model kind: the strongest terms for / against each class (binary: for the positive class only). */
	topTerms: Partial<Record<TextResultKind, TermWeight[][]>>;
	/** Per model kind: the fitted state (plain data; `encodeState` for files). */
	states: Partial<Record<TextResultKind, unknown>>;
}

export interface TextProgress {
	fraction: number;
	stage: string;
}
