/**
 * The network itself, as plain TF.js ops over a list of dense layers (no
 * tf.layers model: its weights, seeds and disposal are harder to control,
 * and the state must be plain arrays anyway).
 */
import * as tf from '@tensorflow/tfjs';

/** One dense layer as saved in the state. */
export interface DenseLayer {
	inputs: number;
	units: number;
	/** `inputs × units`, row-major. */
	weights: Float32Array;
	bias: Float32Array;
}

/** The same layer as trainable variables during `fit`. */
export interface DenseVars {
	W: tf.Variable;
	b: tf.Variable;
}

/** Glorot-uniform weights from a seeded generator (the same on every backend), zero biases. */
export function initLayers(sizes: number[], rng: () => number): DenseLayer[] {
	const layers: DenseLayer[] = [];
	for (let i = 0; i + 1 < sizes.length; i++) {
		const [inputs, units] = [sizes[i], sizes[i + 1]];
		const limit = Math.sqrt(6 / (inputs + units));
		const weights = new Float32Array(inputs * units);
		for (let k = 0; k < weights.length; k++) weights[k] = (2 * rng() - 1) * limit;
		layers.push({ inputs, units, weights, bias: new Float32Array(units) });
	}
	return layers;
}

/** A variable from a plain array; the temporary tensor is freed (a variable does not take it over). */
function variableOf(values: Float32Array, shape: number[]): tf.Variable {
	const initial = tf.tensor(values, shape);
	const v = tf.variable(initial);
	initial.dispose();
	return v;
}

export function toVars(layers: DenseLayer[]): DenseVars[] {
	return layers.map((l) => ({ W: variableOf(l.weights, [l.inputs, l.units]), b: variableOf(l.bias, [l.units]) }));
}

/** Reads the variables back into plain arrays. */
export function fromVars(vars: DenseVars[]): DenseLayer[] {
	return vars.map(({ W, b }) => ({
		inputs: W.shape[0],
		units: b.size,
		weights: Float32Array.from(W.dataSync()),
		bias: Float32Array.from(b.dataSync())
	}));
}

/**
 * Logits `[n, outputs]`. ReLU on hidden layers; with `dropout` (training
 * only) a seeded mask follows each hidden activation.
 */
export function forward(x: tf.Tensor2D, layers: { W: tf.Tensor; b: tf.Tensor }[], dropout?: { rate: number; seed: number }): tf.Tensor2D {
	let h: tf.Tensor2D = x;
	layers.forEach(({ W, b }, i) => {
		h = tf.add(tf.matMul(h, W as tf.Tensor2D), b);
		if (i < layers.length - 1) {
			h = tf.relu(h);
			if (dropout && dropout.rate > 0) h = tf.dropout(h, dropout.rate, undefined, dropout.seed + i) as tf.Tensor2D;
		}
	});
	return h;
}

/** Per-row cross-entropy `[n, 1]` from logits: sigmoid for one output, else softmax. */
export function crossEntropy(logits: tf.Tensor2D, targets: tf.Tensor2D): tf.Tensor2D {
	if (logits.shape[1] === 1) return tf.sub(tf.softplus(logits), tf.mul(targets, logits));
	return tf.sub(tf.logSumExp(logits, 1, true), tf.sum(tf.mul(targets, logits), 1, true));
}

export function probabilities(logits: tf.Tensor2D): tf.Tensor2D {
	return logits.shape[1] === 1 ? tf.sigmoid(logits) : tf.softmax(logits);
}

/** Plain layers as constant tensors (for scoring); the caller disposes them. */
export function layerTensors(layers: DenseLayer[]): { W: tf.Tensor2D; b: tf.Tensor1D }[] {
	return layers.map((l) => ({ W: tf.tensor2d(l.weights, [l.inputs, l.units]), b: tf.tensor1d(l.bias) }));
}

/** Targets `[n, outputs]`: 0/1 for one output, one-hot otherwise. */
export function targetMatrix(y: Int32Array, rows: ArrayLike<number>, outputs: number): Float32Array {
	const out = new Float32Array(rows.length * outputs);
	for (let i = 0; i < rows.length; i++) {
		const label = y[rows[i]];
		if (outputs === 1) out[i] = label;
		else out[i * outputs + label] = 1;
	}
	return out;
}
