/**
 * L2-regularised logistic regression on sparse rows, in plain float64 JS:
 * a TF-IDF row has a few hundred non-zeros out of tens of thousands of
 * columns, so a dense TF.js matrix would waste memory and time. The
 * objective is scikit-learn's (C · Σ wᵢ lossᵢ + ½‖W‖², intercept not
 * penalised) divided by C · Σ wᵢ, so gradients stay O(1) whatever the size.
 * Two classes: one sigmoid output (class 1 positive); more: softmax.
 *
 * Parameters: W as `cols × outputs` row-major, then the `outputs` intercepts.
 */
import type { SparseRows } from './features';

export interface Problem {
	X: SparseRows;
	y: Int32Array;
	/** The rows of X this problem fits (a cross-validation fold's training rows, or all). */
	rows: Int32Array;
	/** Row weights, normalised to sum to 1 over `rows`. */
	weights: Float64Array;
	outputs: number;
	/** 1 / (C · Σ weights) before normalisation: the L2 strength of the averaged loss. */
	l2: number;
}

export const outputsFor = (classes: number): number => (classes === 2 ? 1 : classes);

export function makeProblem(X: SparseRows, y: Int32Array, rows: Int32Array, classes: number, C: number, rowWeights?: Float64Array): Problem {
	let total = 0;
	const weights = Float64Array.from(rows, (r) => {
		const w = rowWeights ? rowWeights[r] : 1;
		total += w;
		return w;
	});
	if (!(total > 0)) throw new Error('TF-IDF needs training rows with positive weight.');
	for (let i = 0; i < weights.length; i++) weights[i] /= total;
	return { X, y, rows, weights, outputs: outputsFor(classes), l2: 1 / (C * total) };
}

/** Numerically safe log(1 + e^z). */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/** Logits of row r (sparse row · W + b) into `out`. */
export function rowLogits(X: SparseRows, r: number, theta: ArrayLike<number>, outputs: number, out: Float64Array): void {
	const biasAt = X.cols * outputs;
	for (let k = 0; k < outputs; k++) out[k] = theta[biasAt + k];
	for (let p = X.indptr[r]; p < X.indptr[r + 1]; p++) {
		const v = X.values[p];
		const base = X.indices[p] * outputs;
		for (let k = 0; k < outputs; k++) out[k] += v * theta[base + k];
	}
}

/** Softmax in place (max-shifted); returns log Σ exp of the input logits. */
export function softmaxInPlace(z: Float64Array, k: number): number {
	let max = -Infinity;
	for (let c = 0; c < k; c++) max = Math.max(max, z[c]);
	let sum = 0;
	for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c] - max);
	for (let c = 0; c < k; c++) z[c] /= sum;
	return max + Math.log(sum);
}

/** Mean weighted loss + L2 term, and its gradient. */
export function evaluate(problem: Problem, theta: Float64Array): { loss: number; grad: Float64Array } {
	const { X, y, rows, weights, outputs, l2 } = problem;
	const grad = new Float64Array(theta.length);
	const biasAt = X.cols * outputs;
	const z = new Float64Array(outputs);
	let loss = 0;
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		const w = weights[i];
		rowLogits(X, r, theta, outputs, z);
		if (outputs === 1) {
			// Binary: loss = softplus(-z) for class 1, softplus(z) for class 0; residual p - y.
			const positive = y[r] === 1;
			loss += w * softplus(positive ? -z[0] : z[0]);
			z[0] = w * (1 / (1 + Math.exp(-z[0])) - (positive ? 1 : 0));
		} else {
			// Cross-entropy = log Σ exp(z) − z_true; the softmax then turns z into probabilities.
			const trueLogit = z[y[r]];
			loss += w * (softmaxInPlace(z, outputs) - trueLogit);
			for (let k = 0; k < outputs; k++) z[k] = w * (z[k] - (k === y[r] ? 1 : 0));
		}
		for (let k = 0; k < outputs; k++) grad[biasAt + k] += z[k];
		for (let p = X.indptr[r]; p < X.indptr[r + 1]; p++) {
			const v = X.values[p];
			const base = X.indices[p] * outputs;
			for (let k = 0; k < outputs; k++) grad[base + k] += v * z[k];
		}
	}
	let penalty = 0;
	for (let j = 0; j < biasAt; j++) {
		penalty += theta[j] * theta[j];
		grad[j] += l2 * theta[j];
	}
	return { loss: loss + 0.5 * l2 * penalty, grad };
}
