/**
 * TF-IDF + logistic regression: the classic strong baseline for sentiment
 * and topic classification. Word 1–2-grams (optionally character 3–5-grams
 * within words) weighted by TF-IDF learnt on the training rows, then an
 * L2-regularised logistic regression (sigmoid for two classes, softmax for
 * more) solved by L-BFGS in plain float64 JS on sparse rows. C comes from a
 * small grid scored on the validation rows (or by cross-validation).
 */
import type { Prediction, TermWeight, TextExplanation, TextModelSpec, TextModelState } from '../types';
import type { CurvePoint } from '../../types';
import { cancelledError } from '../../shared/cancel';
import { tokenizeRaw, type Token } from '../tokenize';
import { fitVocabularies, Vectorizer, type SparseRows, type Vocabularies } from './features';
import { makeProblem, outputsFor, rowLogits, softmaxInPlace } from './objective';
import { pauser, solve } from './solve';
import { selectC, type GridScore } from './select';
import { explainWithVectorizer, topWordTerms } from './explain';
import { MODEL_CATALOG } from '../../catalog';

/** Hyperparameters of `tfidfModel`. */
export interface TfidfParams {
	/** Add character 3–5-grams within words (French, misspellings). Default false. */
	charNgrams: boolean;
	/** tf → 1 + ln tf, so a word said five times is not five times the evidence. Default true. */
	sublinearTf: boolean;
	/** Terms in fewer training texts are left out (1 is used below SMALL_CORPUS texts). Default 2. */
	minDocFreq: number;
	/** Most word 1–2-grams kept (the most frequent). Default 100,000. */
	maxWordFeatures: number;
	/** Most character n-grams kept. Default 100,000. */
	maxCharFeatures: number;
	/** Inverse L2 strength as in scikit-learn, or 'auto' to choose it from `cGrid`. Default 'auto'. */
	C: number | 'auto';
	/** Candidate C values for 'auto'. */
	cGrid: number[];
	/** Cross-validation folds for 'auto' when no validation rows are given. Default 3. */
	folds: number;
	/** L-BFGS iterations per fit at most. Default 300. */
	maxIterations: number;
	/** Converged when every gradient component of the averaged objective is below this. Default 1e-5. */
	tolerance: number;
}

/** A fitted TF-IDF + logistic regression: plain data. */
export interface TfidfState extends TextModelState {
	kind: 'tfidf';
	version: 1;
	vocab: Vocabularies;
	/** 1 for two classes (sigmoid, class 1 positive), else one per class (softmax). */
	outputs: number;
	/** Coefficients, `features × outputs` row-major (word n-grams first, then character n-grams). */
	weights: Float64Array;
	bias: Float64Array;
	/** The C used, and each candidate's held-out score when it was chosen automatically. */
	C: number;
	selection: GridScore[];
	iterations: number;
	converged: boolean;
}

const VERSION = 1;
/** Below this many training texts every term counts (min document frequency 1): small corpora have few repeats. */
const SMALL_CORPUS = 100;

const vectorizers = new WeakMap<TfidfState, Vectorizer>();
function vectorizerOf(state: TfidfState): Vectorizer {
	let v = vectorizers.get(state);
	if (!v) vectorizers.set(state, (v = new Vectorizer(state.vocab)));
	return v;
}

function checkParams(p: TfidfParams): void {
	const positiveInt = (v: number) => Number.isInteger(v) && v >= 1;
	if (p.C !== 'auto' && !(p.C > 0 && Number.isFinite(p.C))) throw new Error(`invalid C: ${p.C}`);
	if (p.C === 'auto' && !(p.cGrid.length > 0 && p.cGrid.every((c) => c > 0 && Number.isFinite(c)))) throw new Error(`invalid cGrid: ${p.cGrid}`);
	if (!positiveInt(p.minDocFreq)) throw new Error(`invalid minDocFreq: ${p.minDocFreq}`);
	if (!positiveInt(p.maxWordFeatures) || !positiveInt(p.maxCharFeatures)) throw new Error('invalid maximum number of features');
	if (!(Number.isInteger(p.folds) && p.folds >= 2)) throw new Error(`invalid folds: ${p.folds}`);
	if (!positiveInt(p.maxIterations)) throw new Error(`invalid maxIterations: ${p.maxIterations}`);
	if (!(p.tolerance > 0)) throw new Error(`invalid tolerance: ${p.tolerance}`);
}

function checkState(state: TfidfState): void {
	if (state?.kind !== 'tfidf') throw new Error(`invalid model kind: ${state?.kind} (expected tfidf)`);
	if (state.version !== VERSION) throw new Error(`invalid tfidf model version: ${state.version}`);
}

function checkClassIndex(state: TfidfState, classIndex: number): void {
	if (!(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < state.classes.length)) {
		throw new Error(`invalid class index ${classIndex} (the model has ${state.classes.length} classes)`);
	}
}

/** Tokens of every text, pausing now and then (cancellation) on large corpora. */
async function tokenizeAll(texts: readonly string[], pause: () => Promise<void>): Promise<Token[][]> {
	const out: Token[][] = [];
	for (let i = 0; i < texts.length; i++) {
		out.push(tokenizeRaw(texts[i]).tokens);
		if (i % 500 === 499) await pause();
	}
	return out;
}

export const tfidfModel: TextModelSpec<TfidfParams, TfidfState> = {
	kind: 'tfidf',
	label: MODEL_CATALOG.tfidf.label,
	defaults: {
		charNgrams: false,
		sublinearTf: true,
		minDocFreq: 2,
		maxWordFeatures: 100_000,
		maxCharFeatures: 100_000,
		C: 'auto',
		cGrid: [0.3, 1, 3, 10, 30],
		folds: 3,
		maxIterations: 300,
		tolerance: 1e-5
	},
	learns: true,

	async fit(data, params, ctx) {
		const p = { ...tfidfModel.defaults, ...params };
		checkParams(p);
		const k = data.classes.length;
		if (k < 2) throw new Error('TF-IDF + logistic regression needs at least two classes.');
		if (data.texts.length !== data.y.length) throw new Error(`${data.texts.length} texts but ${data.y.length} labels`);
		if (!data.texts.length) throw new Error('TF-IDF + logistic regression needs training rows.');
		for (const c of data.y) if (!(c >= 0 && c < k)) throw new Error(`invalid class index ${c} in the labels (${k} classes)`);
		const pause = pauser(ctx.signal);
		if (ctx.signal.aborted) throw cancelledError();

		ctx.progress({ fraction: 0, stage: 'Counting words' });
		const tokens = await tokenizeAll(data.texts, pause);
		const vocab = fitVocabularies(tokens, {
			charNgrams: p.charNgrams,
			sublinearTf: p.sublinearTf,
			minDocFreq: data.texts.length < SMALL_CORPUS ? 1 : p.minDocFreq,
			maxWordFeatures: p.maxWordFeatures,
			maxCharFeatures: p.maxCharFeatures
		});
		if (!vocab.wordTerms.length && !vocab.charTerms.length) throw new Error('The training texts contain no words to learn from.');
		await pause();
		const vectorizer = new Vectorizer(vocab);
		const X = vectorizer.rows(tokens);
		const validation = ctx.validation?.texts.length
			? { X: vectorizer.rows(await tokenizeAll(ctx.validation.texts, pause)), y: ctx.validation.y }
			: undefined;
		await pause();

		const solver = { maxIterations: p.maxIterations, tolerance: p.tolerance, signal: ctx.signal };
		const selection =
			p.C === 'auto'
				? await selectC({
						X,
						y: data.y,
						classes: k,
						rowWeights: data.weights,
						grid: p.cGrid,
						validation,
						folds: p.folds,
						seed: ctx.seed,
						solver,
						progress: (f, stage) => ctx.progress({ fraction: 0.1 + 0.75 * f, stage: `Choosing C: ${stage}` })
					})
				: { C: p.C, scores: [], theta: null, iterations: 0, converged: false };

		let { theta, iterations, converged } = selection;
		const curve: CurvePoint[] = [];
		if (!theta) {
			ctx.progress({ fraction: 0.85, stage: `Fitting with C = ${selection.C}` });
			const all = Int32Array.from({ length: X.rows }, (_, i) => i);
			const result = await solve(makeProblem(X, data.y, all, k, selection.C, data.weights), new Float64Array((X.cols + 1) * outputsFor(k)), {
				...solver,
				onIteration: (step, trainLoss) => {
					curve.push({ step, trainLoss });
					ctx.progress({ fraction: 0.85 + 0.15 * Math.min(step / p.maxIterations, 1), stage: `Iteration ${step}`, curve: { step, trainLoss } });
				}
			});
			theta = result.x;
			iterations = result.iterations;
			converged = result.converged;
		}
		ctx.progress({ fraction: 1, stage: `Done (C = ${selection.C})` });
		const outputs = outputsFor(k);
		const split = X.cols * outputs;
		return {
			kind: 'tfidf',
			version: VERSION,
			classes: [...data.classes],
			...(curve.length ? { curve } : {}),
			vocab,
			outputs,
			weights: theta.slice(0, split),
			bias: theta.slice(split),
			C: selection.C,
			selection: selection.scores,
			iterations,
			converged
		};
	},

	async predict(state, texts): Promise<Prediction> {
		checkState(state);
		const vectorizer = vectorizerOf(state);
		const k = state.classes.length;
		const { outputs } = state;
		// Parameters in the objective's layout, scored one text at a time (no matrix is built).
		const theta = new Float64Array(state.weights.length + outputs);
		theta.set(state.weights);
		theta.set(state.bias, state.weights.length);
		const probabilities = new Float64Array(texts.length * k);
		const z = new Float64Array(outputs);
		const one: SparseRows = { rows: 1, cols: vectorizer.cols, indptr: new Int32Array(2), indices: new Int32Array(0), values: new Float64Array(0) };
		texts.forEach((raw, r) => {
			const row = vectorizer.row(tokenizeRaw(raw).tokens);
			one.indices = row.indices;
			one.values = row.values;
			one.indptr[1] = row.indices.length;
			rowLogits(one, 0, theta, outputs, z);
			if (outputs === 1) {
				const p1 = 1 / (1 + Math.exp(-z[0]));
				probabilities[r * 2] = 1 - p1;
				probabilities[r * 2 + 1] = p1;
			} else {
				softmaxInPlace(z, outputs);
				probabilities.set(z, r * k);
			}
		});
		return { classes: [...state.classes], probabilities };
	},

	async explainText(state, text, classIndex): Promise<TextExplanation> {
		checkState(state);
		checkClassIndex(state, classIndex);
		return explainWithVectorizer(state, vectorizerOf(state), text, classIndex);
	},

	async topTerms(state, classIndex, n): Promise<TermWeight[]> {
		checkState(state);
		checkClassIndex(state, classIndex);
		return topWordTerms(state, state.vocab.wordTerms, vectorizerOf(state).cols, classIndex, n);
	}
};
