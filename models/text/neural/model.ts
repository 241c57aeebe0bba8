/**
 * One `TextModelSpec` for any neural architecture: vocabulary from the
 * training rows only, early-stopping rows (the caller's, or a seeded 10 % of
 * the training rows), seeded training, scoring, occlusion explanations and
 * top terms. `rnn.ts`, `transformer.ts` and the pretrained model use it.
 */
import type { Prediction, TermWeight, TextDataset, TextExplanation, TextFitContext, TextModelSpec, TextModelState } from '../types';
import { tokensOf } from '../tokenize';
import { buildVocab, indexOf } from '../vocab';
import { createRng } from '../../shared/random';
import { stratifiedSplit } from '../../shared/splits';
import { encodeTexts } from './encode';
import { explanationOf, occlude, occludeTerms, strongestTerms, termEffects, type TermEffects } from './explain';
import { scoreSequences, type Architecture } from './network';
import { checkNeuralParams, type NeuralParams, type TrainingParams } from './params';
import { trainNetwork, type TrainOptions, type TrainRows } from './train';
import { checkWeights, Initializer, type WeightSet } from './weights';

/** A fitted neural text model: plain data (typed arrays inside), structuredClone- and `encodeState`-safe. */
export interface NeuralState<C> extends TextModelState {
	version: 1;
	/** id → token (ids 0 and 1 are `<pad>` and `<unk>`), built on the training rows. */
	vocab: string[];
	/** Tokens kept per text. */
	maxLength: number;
	/** 1 (sigmoid, binary) or the number of classes (softmax). */
	outputs: number;
	config: C;
	weights: WeightSet;
	/** Epoch whose weights were kept (early stopping). */
	bestEpoch: number;
}

export const STATE_VERSION = 1;

/** Clear messages for the mistakes a user can make from the text cell. */
export function checkTextDataset(data: TextDataset, what: string): void {
	const { texts, y, classes } = data;
	if (!Array.isArray(classes) || classes.length < 2) throw new Error(`${what} needs at least two classes (got ${JSON.stringify(classes)}).`);
	if (!texts?.length) throw new Error(`${what} needs labelled texts: the training set is empty.`);
	if (y?.length !== texts.length) throw new Error(`invalid training set: ${y?.length} labels for ${texts.length} texts`);
	for (const label of y) if (!(label >= 0 && label < classes.length)) throw new Error(`invalid label: ${label} (expected 0..${classes.length - 1})`);
	if (new Set(y).size < 2) throw new Error(`${what} needs at least two classes in the training rows: every text is labelled "${classes[y[0]]}".`);
	if (data.weights && data.weights.length !== texts.length) throw new Error(`invalid weights: ${data.weights.length} for ${texts.length} texts`);
}

/** Row weights scaled to mean 1 (so the learning rate means the same with or without weights). */
function meanOne(weights: Float64Array | undefined, rows: number): Float32Array {
	if (!weights) return new Float32Array(rows).fill(1);
	const mean = weights.reduce((s, w) => s + w, 0) / Math.max(rows, 1);
	return Float32Array.from(weights, (w) => (mean > 0 ? w / mean : 1));
}

const pick = (data: TextDataset, rows: Int32Array): TextDataset => ({
	texts: Array.from(rows, (r) => data.texts[r]),
	y: Int32Array.from(rows, (r) => data.y[r]),
	classes: data.classes,
	...(data.weights ? { weights: Float64Array.from(rows, (r) => data.weights![r]) } : {})
});

/** Training and early-stopping rows: `ctx.validation` when given, else a seeded stratified share of `data`. */
export function holdOut(data: TextDataset, ctx: TextFitContext, fraction: number): { fit: TextDataset; valid: TextDataset | null } {
	if (ctx.validation && ctx.validation.texts.length > 0) {
		if (ctx.validation.classes.length !== data.classes.length) throw new Error('invalid validation rows: their classes differ from the training rows');
		return { fit: data, valid: ctx.validation };
	}
	if (fraction <= 0 || data.texts.length < 20) return { fit: data, valid: null };
	const split = stratifiedSplit(data.y, fraction, ctx.seed);
	if (split.test.length === 0) return { fit: data, valid: null };
	return { fit: pick(data, split.train), valid: pick(data, split.test) };
}

export function trainRows(data: TextDataset, index: Map<string, number>, maxLength: number): TrainRows {
	return { seqs: encodeTexts(data.texts, index, maxLength), y: data.y, weights: meanOne(data.weights, data.texts.length) };
}

/** The training options every neural model takes from its params. */
export const trainOptions = (p: TrainingParams, outputs: number, stage?: string): TrainOptions => ({
	epochs: p.epochs,
	batchSize: p.batchSize,
	learningRate: p.learningRate,
	weightDecay: p.weightDecay,
	dropout: p.dropout,
	wordDropout: p.wordDropout,
	patience: p.patience,
	averageDecay: p.averageDecay,
	outputs,
	...(stage ? { stage } : {})
});

/** Scoring, explanations and top terms of a fitted state: the same for every neural kind. */
export class NeuralRuntime<C> {
	/** Occlusion over a text sample is the costly part of top terms: cached per state and sample. */
	private readonly termCache = new WeakMap<object, { key: string; effects: TermEffects }>();

	constructor(
		private readonly arch: Architecture<C>,
		private readonly kind: string,
		private readonly checkConfig: (config: C) => void
	) {}

	check(state: NeuralState<C>): void {
		if (state?.kind !== this.kind) throw new Error(`invalid model kind: ${state?.kind} (expected ${this.kind})`);
		if (state.version !== STATE_VERSION) throw new Error(`invalid ${this.kind} model version: ${state.version}`);
		if (!Array.isArray(state.vocab) || state.vocab.length < 2) throw new Error(`invalid ${this.kind} state: no vocabulary`);
		this.checkConfig(state.config);
		checkWeights(state.weights, this.arch.shapes(state.config, state.vocab.length, state.outputs), this.kind);
	}

	private score(state: NeuralState<C>) {
		return (seqs: Int32Array[]) => scoreSequences(this.arch, state.config, state.weights, seqs);
	}

	async predict(state: NeuralState<C>, texts: string[]): Promise<Prediction> {
		this.check(state);
		const probs = await this.score(state)(encodeTexts(texts, indexOf({ tokens: state.vocab }), state.maxLength));
		return { classes: state.classes, probabilities: Float64Array.from(probs) };
	}

	async explainText(state: NeuralState<C>, text: string, classIndex: number): Promise<TextExplanation> {
		this.check(state);
		checkClassIndex(state, classIndex);
		const k = state.classes.length;
		const [o] = await occlude(this.score(state), [text], indexOf({ tokens: state.vocab }), state.maxLength, k);
		return explanationOf(o, classIndex, k);
	}

	async topTerms(state: NeuralState<C>, classIndex: number, n: number, texts: string[]): Promise<TermWeight[]> {
		this.check(state);
		checkClassIndex(state, classIndex);
		const k = state.classes.length;
		const key = texts.join('\u0000');
		let cached = this.termCache.get(state);
		if (cached?.key !== key) {
			const perText = await occludeTerms(this.score(state), texts, indexOf({ tokens: state.vocab }), state.maxLength, k);
			cached = { key, effects: termEffects(perText, k) };
			this.termCache.set(state, cached);
		}
		return strongestTerms(cached.effects, classIndex, n, k, texts.length);
	}
}

function checkClassIndex(state: TextModelState, classIndex: number): void {
	if (!(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < state.classes.length)) {
		throw new Error(`invalid classIndex: ${classIndex} (expected 0..${state.classes.length - 1})`);
	}
}

export interface NeuralModelDefinition<P extends NeuralParams, C> {
	kind: string;
	label: string;
	defaults: P;
	arch: Architecture<C>;
	/** The architecture's settings from the params (dims, layers …). */
	configOf(params: P): C;
	/** Validates params beyond the shared ones (throws a clear message). */
	checkParams(params: P): void;
	checkConfig(config: C): void;
}

/** A neural text model trained from scratch on the user's labels. */
export function neuralTextModel<P extends NeuralParams, C>(def: NeuralModelDefinition<P, C>): TextModelSpec<P, NeuralState<C>> {
	const runtime = new NeuralRuntime(def.arch, def.kind, def.checkConfig);
	return {
		kind: def.kind,
		label: def.label,
		defaults: def.defaults,
		learns: true,
		async fit(data, params, ctx) {
			checkTextDataset(data, def.label);
			checkNeuralParams(params);
			def.checkParams(params);
			const { fit, valid } = holdOut(data, ctx, params.validationFraction);
			// The vocabulary comes from the rows the weights are fitted on: early-stopping rows see unknown words as test rows do.
			const vocab = buildVocab(fit.texts.map(tokensOf), { maxSize: params.vocabSize, minCount: params.minCount });
			const index = indexOf(vocab);
			const outputs = data.classes.length === 2 ? 1 : data.classes.length;
			const rng = createRng(ctx.seed);
			const config = def.configOf(params);
			const initial = def.arch.init(config, vocab.tokens.length, outputs, new Initializer(rng));
			const trained = await trainNetwork(
				def.arch,
				config,
				initial,
				trainRows(fit, index, params.maxLength),
				valid ? trainRows(valid, index, params.maxLength) : null,
				trainOptions(params, outputs),
				rng,
				ctx
			);
			return {
				kind: def.kind,
				version: STATE_VERSION,
				classes: [...data.classes],
				curve: trained.curve,
				vocab: vocab.tokens,
				maxLength: params.maxLength,
				outputs,
				config,
				weights: trained.weights,
				bestEpoch: trained.bestEpoch
			};
		},
		predict: (state, texts) => runtime.predict(state, texts),
		explainText: (state, text, classIndex) => runtime.explainText(state, text, classIndex),
		topTerms: (state, classIndex, n, texts) => runtime.topTerms(state, classIndex, n, texts)
	};
}
