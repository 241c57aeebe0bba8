/**
 * The text-model contract: every sentiment / message classifier (lexicon,
 * TF-IDF + logistic regression, recurrent network, transformer, pretrained)
 * is a `TextModelSpec`. Like the tabular contract (`../types.ts`) models are
 * pure TypeScript (+ TF.js ops) and run the same in Node and in the worker.
 */
import type { CurvePoint, FitProgress, Prediction } from '../types';

export type { Prediction } from '../types';

/** Labelled texts: `y[i]` is the class index of `texts[i]` into `classes`. */
export interface TextDataset {
	texts: string[];
	y: Int32Array;
	/** Class labels; for a binary task index 1 is the positive class (e.g. "great", "positive"). */
	classes: string[];
	/** Optional per-row weights. */
	weights?: Float64Array;
}

export interface TextFitContext {
	/** All randomness derives from this seed: same data, params and seed give the same state. */
	seed: number;
	progress(p: FitProgress): void;
	/** Aborting it makes `fit` reject with an error named 'CancelledError' within about a second. */
	signal: AbortSignal;
	/** Rows held out for early stopping (never the test rows). */
	validation?: TextDataset;
}

/** The state every text model returns: plain data (typed arrays allowed), structuredClone-safe. */
export interface TextModelState {
	kind: string;
	version: number;
	classes: string[];
	/** Training curve (loss per epoch), when the model has one. */
	curve?: CurvePoint[];
}

/** How much one token of a text pushed it towards `classIndex` (negative: away from it). */
export interface TokenContribution {
	/** The token as written in the cleaned text (`cleanText`), and its offsets there. */
	text: string;
	start: number;
	end: number;
	weight: number;
}

/** A local explanation: the cleaned text and the weight of each of its tokens. */
export interface TextExplanation {
	/** The text after `cleanText` (HTML removed): offsets of `tokens` point into it. */
	text: string;
	classIndex: number;
	tokens: TokenContribution[];
	/** What the weights mean, e.g. "lexicon valence", "weight × tf-idf", "occlusion (Δ probability)". */
	method: string;
}

/** A global term weight: positive pushes towards the class, negative away. */
export interface TermWeight {
	term: string;
	weight: number;
}

export interface TextModelSpec<P extends object, S extends TextModelState> {
	/** Stable key, persisted in notebooks and model files: never rename. */
	kind: string;
	/** Name shown in the comparison table. */
	label: string;
	/** Every hyperparameter with its default. */
	defaults: P;
	/** False for models that learn nothing from labels (the lexicon only maps its score to the classes). */
	learns: boolean;
	fit(data: TextDataset, params: P, ctx: TextFitContext): Promise<S>;
	predict(state: S, texts: string[]): Promise<Prediction>;
	/** Token contributions towards `classIndex` for one text. */
	explainText(state: S, text: string, classIndex: number): Promise<TextExplanation>;
	/**
	 * The strongest terms for and against `classIndex`. `texts` is a sample of the data for models
	 * whose weights are not per term (neural models average occlusion over it; others may ignore it).
	 */
	topTerms(state: S, classIndex: number, n: number, texts: string[]): Promise<TermWeight[]>;
}
