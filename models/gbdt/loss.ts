/**
 * Logistic (binary) and softmax (multiclass) losses: gradients and hessians
 * per row, and the mean logloss. Margins are row-major `rows × outputs`
 * (outputs = 1 for binary); gradients are output-major so each class tree
 * reads one contiguous Float64Array.
 */

import { logisticProbability } from './probability';

const MIN_HESSIAN = 1e-16;

export function gradients(margin: Float64Array, y: Int32Array, w: Float64Array | undefined, outputs: number, grad: Float64Array, hess: Float64Array): void {
	const n = y.length;
	if (outputs === 1) return binaryGradients(margin, y, w, grad, hess, 1, 0);
	const probs = new Float64Array(outputs);
	for (let r = 0; r < n; r++) {
		softmax(margin, r * outputs, outputs, probs);
		const wr = w ? w[r] : 1;
		for (let k = 0; k < outputs; k++) {
			const p = probs[k];
			grad[k * n + r] = (p - (y[r] === k ? 1 : 0)) * wr;
			// XGBoost's softmax hessian (diagonal upper bound).
			hess[k * n + r] = Math.max(2 * p * (1 - p), MIN_HESSIAN) * wr;
		}
	}
}

/**
 * Logistic gradients and hessians of every row into g[r · stride] and
 * h[r · stride] (stride 2 with h = g.subarray(1): interleaved pairs), each
 * rounded by adding and taking back `shift` (see onGrid in shard.ts; 0 leaves
 * them as computed): one pass over the rows for all of it. The probability
 * follows probability.ts, as the WebAssembly pass does (logistic-pairs.ts).
 */
export function binaryGradients(margin: Float64Array, y: Int32Array, w: Float64Array | undefined, g: Float64Array, h: Float64Array, stride: number, shift: number): void {
	for (let r = 0, at = 0; r < y.length; r++, at += stride) {
		const p = logisticProbability(margin[r]);
		const wr = w ? w[r] : 1;
		g[at] = (p - y[r]) * wr + shift - shift;
		// (A comparison rather than Math.max: the kernel's f64x2.pmax.)
		const ph = p * (1 - p);
		h[at] = (ph < MIN_HESSIAN ? MIN_HESSIAN : ph) * wr + shift - shift;
	}
}

export function softmax(margin: Float64Array, at: number, k: number, out: Float64Array): void {
	let max = -Infinity;
	for (let c = 0; c < k; c++) max = Math.max(max, margin[at + c]);
	let sum = 0;
	for (let c = 0; c < k; c++) sum += out[c] = Math.exp(margin[at + c] - max);
	for (let c = 0; c < k; c++) out[c] /= sum;
}

/** Weighted mean logloss over every `stride`-th row (a cheap estimate on large data). */
export function logloss(margin: Float64Array, y: Int32Array, w: Float64Array | undefined, outputs: number, stride = 1): number {
	const { total, weight } = loglossSum(margin, y, w, outputs, stride, 0);
	return weight > 0 ? total / weight : 0;
}

/** Weighted logloss sum and weight of rows `first`, `first + stride`, … (shards add theirs up). */
export function loglossSum(margin: Float64Array, y: Int32Array, w: Float64Array | undefined, outputs: number, stride: number, first: number): { total: number; weight: number } {
	let total = 0;
	let weight = 0;
	for (let r = first; r < y.length; r += stride) {
		const wr = w ? w[r] : 1;
		let loss: number;
		if (outputs === 1) {
			const z = margin[r];
			// log(1 + e^z) − y·z, stable for large |z|.
			loss = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[r] * z;
		} else {
			const at = r * outputs;
			let max = -Infinity;
			for (let c = 0; c < outputs; c++) max = Math.max(max, margin[at + c]);
			let sum = 0;
			for (let c = 0; c < outputs; c++) sum += Math.exp(margin[at + c] - max);
			loss = max + Math.log(sum) - margin[at + y[r]];
		}
		total += loss * wr;
		weight += wr;
	}
	return { total, weight };
}

/** Base margins: log-odds of the positive rate (binary), log class priors (multiclass). */
export function baseScores(y: Int32Array, w: Float64Array | undefined, classes: number): number[] {
	const counts = new Float64Array(classes);
	let total = 0;
	for (let r = 0; r < y.length; r++) {
		const wr = w ? w[r] : 1;
		counts[y[r]] += wr;
		total += wr;
	}
	const rate = (k: number) => Math.min(Math.max(counts[k] / total, 1e-6), 1 - 1e-6);
	if (classes === 2) return [Math.log(rate(1) / (1 - rate(1)))];
	return Array.from({ length: classes }, (_, k) => Math.log(rate(k)));
}
