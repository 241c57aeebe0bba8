/**
 * A multilayer perceptron (ReLU hidden layers, dropout, L2, Adam) with early
 * stopping on validation loss; sigmoid output for binary tasks, softmax for
 * multiclass. Seeded: same data, params and seed give the same state on the
 * cpu backend.
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset, Explanation, Features, ModelSpec, ModelState, Prediction } from '../types';
import { checkDataset, describeFeatures, encode, fitEncoder, rowWeights, type EncoderState } from '../shared/encode';
import { cancelledError } from '../shared/cancel';
import { createRng, shuffle } from '../shared/random';
import { forward, initLayers, layerTensors, probabilities, targetMatrix, type DenseLayer } from './network';
import { trainNetwork, type Batchable } from './train';
import { MODEL_CATALOG } from '../catalog';

/** Hyperparameters of `mlpModel`. */
export interface MlpParams {
	/** Units per hidden layer. Default [64, 32]. */
	hiddenLayers: number[];
	/** Dropout rate after each hidden layer, 0..<1. Default 0.2. */
	dropout: number;
	/** Adam step size. Default 0.001. */
	learningRate: number;
	/** Rows per mini-batch. Default 128. */
	batchSize: number;
	/** Most passes over the training rows. Default 100. */
	epochs: number;
	/** Stop after this many epochs without a better validation loss (best weights kept). Default 10. */
	patience: number;
	/** L2 penalty on weights (not biases), added to the mean loss. Default 0.0001. */
	l2: number;
	/** 'balanced' weights each class by n / (classes × its rows). Default 'none'. */
	classWeight: 'balanced' | 'none';
	/** Share of training rows held out for early stopping when `ctx.validation` is absent (0 = none). Default 0.1. */
	validationFraction: number;
	/** Most levels kept per categorical column. Default 50. */
	maxLevels: number;
	/** Rarer levels go to "(other)". Default 10. */
	minLevelCount: number;
}

/** A fitted MLP: plain data. */
export interface MlpState extends ModelState {
	kind: 'mlp';
	version: 1;
	encoder: EncoderState;
	/** 1 for binary (sigmoid), else one per class (softmax). */
	outputs: number;
	layers: DenseLayer[];
	/** Epoch whose weights were kept. */
	bestEpoch: number;
}

const VERSION = 1;
const CHUNK = 8192;
/** Rows used by `explain` (evenly spaced): gradients over more add little. */
const EXPLAIN_ROWS = 1000;

function checkParams(p: MlpParams): void {
	const positiveInt = (v: number) => Number.isInteger(v) && v >= 1;
	if (!Array.isArray(p.hiddenLayers) || !p.hiddenLayers.every(positiveInt)) throw new Error(`invalid hiddenLayers: ${JSON.stringify(p.hiddenLayers)}`);
	if (!(p.dropout >= 0 && p.dropout < 1)) throw new Error(`invalid dropout: ${p.dropout}`);
	if (!(p.learningRate > 0)) throw new Error(`invalid learningRate: ${p.learningRate}`);
	if (!positiveInt(p.batchSize)) throw new Error(`invalid batchSize: ${p.batchSize}`);
	if (!positiveInt(p.epochs)) throw new Error(`invalid epochs: ${p.epochs}`);
	if (!positiveInt(p.patience)) throw new Error(`invalid patience: ${p.patience}`);
	if (!(p.l2 >= 0)) throw new Error(`invalid l2: ${p.l2}`);
	if (p.classWeight !== 'balanced' && p.classWeight !== 'none') throw new Error(`invalid classWeight: ${p.classWeight}`);
	if (!(p.validationFraction >= 0 && p.validationFraction < 1)) throw new Error(`invalid validationFraction: ${p.validationFraction}`);
}

function checkState(state: MlpState): void {
	if (state?.kind !== 'mlp') throw new Error(`invalid model kind: ${state?.kind} (expected mlp)`);
	if (state.version !== VERSION) throw new Error(`invalid mlp model version: ${state.version}`);
}

/** Encoded rows `rows` of `data` as a training block; weights scaled to mean 1 over `scaleRows`. */
function block(matrix: Float32Array, cols: number, data: Dataset, rows: Int32Array, weights: Float32Array, outputs: number, scale: number): Batchable {
	const X = new Float32Array(rows.length * cols);
	rows.forEach((r, i) => X.set(matrix.subarray(r * cols, (r + 1) * cols), i * cols));
	return { X, cols, rows: rows.length, targets: targetMatrix(data.y, rows, outputs), weights: Float32Array.from(rows, (r) => weights[r] * scale) };
}

function meanOf(a: Float32Array): number {
	let s = 0;
	for (const v of a) s += v;
	return a.length ? s / a.length : 1;
}

export const mlpModel: ModelSpec<MlpParams, MlpState> = {
	kind: 'mlp',
	label: MODEL_CATALOG.mlp.label,
	defaults: {
		hiddenLayers: [64, 32],
		dropout: 0.2,
		learningRate: 0.001,
		batchSize: 128,
		epochs: 100,
		patience: 10,
		l2: 0.0001,
		classWeight: 'none',
		validationFraction: 0.1,
		maxLevels: 50,
		minLevelCount: 10
	},

	async fit(data, params, ctx) {
		const p = { ...mlpModel.defaults, ...params };
		checkParams(p);
		checkDataset(data);
		if (ctx.validation) checkDataset(ctx.validation);
		if (ctx.signal.aborted) throw cancelledError();
		const rng = createRng(ctx.seed);
		const outputs = data.classes.length === 2 ? 1 : data.classes.length;
		const encoder = fitEncoder(data.X, { standardize: true, maxLevels: p.maxLevels, minLevelCount: p.minLevelCount });
		const { matrix, cols } = encode(encoder, data.X);
		const weights = rowWeights(data.y, data.classes.length, p.classWeight, data.weights);
		const all = Int32Array.from({ length: data.X.rows }, (_, i) => i);
		let trainRows = all;
		let valid: Batchable | null = null;
		const scale = 1 / meanOf(weights);
		if (ctx.validation) {
			const v = ctx.validation;
			const vw = rowWeights(v.y, v.classes.length, 'none', v.weights);
			// Validation rows get the training class weights, so both losses measure the same thing.
			const classW = rowWeights(data.y, data.classes.length, p.classWeight);
			const perClass = new Float32Array(data.classes.length).fill(1);
			data.y.forEach((label, i) => (perClass[label] = classW[i]));
			const vm = encode(encoder, v.X);
			const vWeights = Float32Array.from(vw, (w, i) => w * perClass[v.y[i]] * scale);
			valid = block(vm.matrix, cols, v, Int32Array.from({ length: v.X.rows }, (_, i) => i), vWeights, outputs, 1);
		} else {
			const held = Math.floor(data.X.rows * p.validationFraction);
			if (held >= 1 && held < data.X.rows) {
				const order = shuffle(Int32Array.from(all), rng);
				valid = block(matrix, cols, data, order.slice(0, held).sort(), weights, outputs, scale);
				trainRows = order.slice(held).sort();
			}
		}
		const train = block(matrix, cols, data, trainRows, weights, outputs, scale);
		const initial = initLayers([cols, ...p.hiddenLayers, outputs], rng);
		const result = await trainNetwork(initial, train, valid, { ...p, outputs }, rng, ctx);
		return {
			kind: 'mlp',
			version: VERSION,
			classes: [...data.classes],
			features: describeFeatures(data.X),
			curve: result.curve,
			encoder,
			outputs,
			layers: result.layers,
			bestEpoch: result.bestEpoch
		};
	},

	async predict(state, X: Features): Promise<Prediction> {
		checkState(state);
		const { matrix, rows, cols } = encode(state.encoder, X);
		const k = state.classes.length;
		const probs = new Float64Array(rows * k);
		const net = layerTensors(state.layers);
		try {
			for (let start = 0; start < rows; start += CHUNK) {
				const n = Math.min(CHUNK, rows - start);
				const out = tf.tidy(() => probabilities(forward(tf.tensor2d(matrix.subarray(start * cols, (start + n) * cols), [n, cols]), net)));
				const values = out.dataSync();
				out.dispose();
				for (let i = 0; i < n; i++) {
					const r = start + i;
					if (state.outputs === 1) (probs[r * 2] = 1 - values[i]), (probs[r * 2 + 1] = values[i]);
					else for (let c = 0; c < k; c++) probs[r * k + c] = values[i * k + c];
				}
			}
		} finally {
			tf.dispose(net.flatMap((l) => [l.W, l.b]));
		}
		return { classes: [...state.classes], probabilities: probs };
	},

	/**
	 * Mean |gradient × input| of each output's logit over (up to 1000 evenly
	 * spaced) rows of `X`, summed over each original column's encoded parts and
	 * over outputs: how far the logit moves from the all-average input (0 on
	 * standardized numerics) because of the column.
	 */
	async explain(state, X: Features): Promise<Explanation> {
		checkState(state);
		const { matrix, rows, cols, source } = encode(state.encoder, X);
		const n = Math.min(rows, EXPLAIN_ROWS);
		const sample = new Float32Array(n * cols);
		for (let i = 0; i < n; i++) {
			const r = Math.floor((i * rows) / n);
			sample.set(matrix.subarray(r * cols, (r + 1) * cols), i * cols);
		}
		const net = layerTensors(state.layers);
		const perEncoded = new Float64Array(cols);
		try {
			for (let o = 0; o < state.outputs; o++) {
				const attribution = tf.tidy(() => {
					const x = tf.tensor2d(sample, [n, cols]);
					const grad = tf.grad((input: tf.Tensor) => tf.sum(tf.slice(forward(input as tf.Tensor2D, net), [0, o], [-1, 1])))(x);
					return tf.mean(tf.abs(tf.mul(grad, x)), 0);
				});
				attribution.dataSync().forEach((v, j) => (perEncoded[j] += v));
				attribution.dispose();
			}
		} finally {
			tf.dispose(net.flatMap((l) => [l.W, l.b]));
		}
		const value = new Float64Array(state.encoder.columns.length);
		perEncoded.forEach((v, j) => (value[source[j]] += v));
		return {
			method: 'mean |gradient × input| of the logit (standardized inputs, summed over one-hot levels)',
			importance: state.encoder.columns.map((c, i) => ({ feature: c.name, value: value[i] }))
		};
	}
};
