/**
 * The pretrained sentiment model (kind 'pretrained'): the transformer
 * encoder of `transformerModel`, with weights trained by
 * `scripts/pretrain-sentiment.ts` on openly licensed English reviews and
 * lexicons and shipped in the repository (`models/pretrained/sentiment-en/`,
 * see its MODEL_CARD.md). It scores unlabeled text out of the box
 * (`loadPretrainedState`, classes negative/positive) and `fit` fine-tunes it
 * on the user's labels.
 *
 * The weights load with a dynamic `import()` of the JSON file, so the bundler
 * ships them with the worker and no request leaves the page.
 */
import type { TextDataset, TextFitContext, TextModelSpec } from '../types';
import { tokensOf } from '../tokenize';
import { indexOf } from '../vocab';
import { createRng } from '../../shared/random';
import { transformerArchitecture, type TransformerConfig } from '../neural/attention';
import { checkTextDataset, holdOut, NeuralRuntime, STATE_VERSION, trainOptions, trainRows, type NeuralState } from '../neural/model';
import { checkTrainingParams, TRAINING_DEFAULTS, type TrainingParams } from '../neural/params';
import { trainNetwork } from '../neural/train';
import { checkTransformerConfig } from '../neural/transformer';
import { Initializer, type WeightSet } from '../neural/weights';
import { decodeWeights, MODEL_FILE_FORMAT, type ModelFile } from './weights-file';
import { MODEL_CATALOG } from '../../catalog';

/** Fine-tuning settings; the network's widths come from the shipped file. */
export type PretrainedParams = TrainingParams;

export type PretrainedState = NeuralState<TransformerConfig>;

export const PRETRAINED_DEFAULTS: PretrainedParams = {
	...TRAINING_DEFAULTS,
	dropout: 0.1,
	wordDropout: 0.1,
	// A tenth of the from-scratch rate: move the shipped weights, do not erase them
	// (on the review split 0.0003 already undid part of what pretraining gave).
	learningRate: 0.0001
};

const KIND = 'pretrained';
const LABEL = MODEL_CATALOG.pretrained.label;
/** Spread of the seeded noise added to the `<unk>` row for each new word. */
const NEW_ROW_NOISE = 0.01;

/** Linear probing of a new head before fine-tuning: epochs, rate and share of the progress bar. */
const HEAD_EPOCHS = 3;
const HEAD_LEARNING_RATE = 0.003;
const HEAD_SHARE = 0.2;
const isHead = (name: string) => name.startsWith('head');

/** A context whose progress fills [from, to] of the caller's bar. */
function stageOf(ctx: TextFitContext, from: number, to: number): TextFitContext {
	return { ...ctx, progress: (p) => ctx.progress({ ...p, fraction: from + (to - from) * p.fraction }) };
}

const runtime = new NeuralRuntime<TransformerConfig>(transformerArchitecture, KIND, (c) => checkTransformerConfig(c, 'pretrained'));

function stateFromFile(file: ModelFile): PretrainedState {
	if (file?.format !== MODEL_FILE_FORMAT || file.version !== 1 || file.architecture !== 'transformer') {
		throw new Error('The pretrained model file is not a workbench transformer model (format, version or architecture differ).');
	}
	const state: PretrainedState = {
		kind: KIND,
		version: STATE_VERSION,
		classes: [...file.classes],
		vocab: [...file.vocab],
		maxLength: file.maxLength,
		outputs: 1,
		config: { ...file.config },
		weights: decodeWeights(file.weights),
		bestEpoch: Number(file.training?.bestEpoch ?? 0)
	};
	runtime.check(state);
	return state;
}

let shipped: Promise<PretrainedState> | null = null;

/** The decoded shipped model, loaded once per worker (a failed load is retried next time). */
function loadShipped(): Promise<PretrainedState> {
	shipped ??= import('../../pretrained/sentiment-en/model.json')
		.then((m) => stateFromFile(((m as { default?: unknown }).default ?? m) as ModelFile))
		.catch((e) => {
			shipped = null;
			throw e;
		});
	return shipped;
}

/** The model as shipped (classes ['negative', 'positive']), ready to score unlabeled text. A fresh copy each call. */
export async function loadPretrainedState(): Promise<PretrainedState> {
	return structuredClone(await loadShipped());
}

/**
 * The shipped vocabulary plus the user's frequent words it lacks (most
 * frequent first, ties in order of appearance), up to `vocabSize` in all.
 */
function extendVocabulary(base: string[], docs: string[][], p: PretrainedParams): string[] {
	const known = new Set(base);
	const df = new Map<string, number>();
	for (const doc of docs) for (const t of new Set(doc)) if (!known.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
	const room = Math.max(0, p.vocabSize - base.length);
	const added = [...df].filter(([, n]) => n >= p.minCount).sort((a, b) => b[1] - a[1]).slice(0, room).map(([t]) => t);
	return [...base, ...added];
}

/**
 * Shipped weights adapted to the user's task: new words start as the unknown
 * word plus a little seeded noise (so before fine-tuning the model reads them
 * as it did before), and a task with other than two classes gets a new head.
 */
function startingWeights(base: PretrainedState, vocabSize: number, classes: number, init: Initializer, rng: () => number): WeightSet {
	const weights = structuredClone(base.weights);
	const dim = base.config.dim;
	const old = base.weights.embedding.values;
	const embedding = new Float32Array(vocabSize * dim);
	embedding.set(old);
	const unk = old.subarray(dim, 2 * dim); // id 1 = <unk>
	for (let id = base.vocab.length; id < vocabSize; id++) {
		for (let j = 0; j < dim; j++) embedding[id * dim + j] = unk[j] + (2 * rng() - 1) * NEW_ROW_NOISE * Math.sqrt(3);
	}
	weights.embedding = { shape: [vocabSize, dim], values: embedding };
	if (classes !== 2) {
		weights.headWeights = init.glorot([2 * dim, classes]);
		weights.headBias = init.zeros([classes]);
	}
	return weights;
}

export const pretrainedModel: TextModelSpec<PretrainedParams, PretrainedState> = {
	kind: KIND,
	label: LABEL,
	defaults: PRETRAINED_DEFAULTS,
	learns: true,

	async fit(data: TextDataset, params: PretrainedParams, ctx: TextFitContext): Promise<PretrainedState> {
		checkTextDataset(data, LABEL);
		checkTrainingParams(params);
		const base = await loadShipped();
		const { fit, valid } = holdOut(data, ctx, params.validationFraction);
		const rng = createRng(ctx.seed);
		const vocab = extendVocabulary(base.vocab, fit.texts.map(tokensOf), params);
		const index = indexOf({ tokens: vocab });
		const outputs = data.classes.length === 2 ? 1 : data.classes.length;
		// The position table of the shipped model bounds the length it can read.
		const maxLength = Math.min(params.maxLength, base.config.maxLength);
		const initial = startingWeights(base, vocab.length, data.classes.length, new Initializer(rng), rng);
		const fitRows = trainRows(fit, index, maxLength);
		const validRows = valid ? trainRows(valid, index, maxLength) : null;
		// A new head (other than two classes) is first fitted alone on the frozen
		// encoder (linear probing), so that its first, largest gradients do not
		// spoil the pretrained features (LP-FT, Kumar et al. 2022). The shipped
		// two-class head already fits and goes straight to fine-tuning.
		const newHead = outputs !== 1;
		const start = newHead
			? (
					await trainNetwork(
						transformerArchitecture,
						base.config,
						initial,
						fitRows,
						validRows,
						{ ...trainOptions({ ...params, epochs: HEAD_EPOCHS, learningRate: HEAD_LEARNING_RATE, dropout: 0, wordDropout: 0 }, outputs, 'Head epoch'), trainable: isHead },
						rng,
						stageOf(ctx, 0, HEAD_SHARE)
					)
				).weights
			: initial;
		const trained = await trainNetwork(
			transformerArchitecture,
			base.config,
			start,
			fitRows,
			validRows,
			{ ...trainOptions(params, outputs, 'Fine-tuning epoch'), initialCompetes: true },
			rng,
			newHead ? stageOf(ctx, HEAD_SHARE, 1) : ctx
		);
		return {
			kind: KIND,
			version: STATE_VERSION,
			classes: [...data.classes],
			curve: trained.curve,
			vocab,
			maxLength,
			outputs,
			config: { ...base.config },
			weights: trained.weights,
			bestEpoch: trained.bestEpoch
		};
	},

	predict: (state, texts) => runtime.predict(state, texts),
	explainText: (state, text, classIndex) => runtime.explainText(state, text, classIndex),
	topTerms: (state, classIndex, n, texts) => runtime.topTerms(state, classIndex, n, texts)
};
