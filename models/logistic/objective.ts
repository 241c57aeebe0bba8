/**
 * The penalised, weighted cross-entropy of a linear model and its gradient,
 * computed with TF.js ops. Parameters travel as one Float64Array so the
 * L-BFGS loop stays plain JS: `[W (cols × outputs, row-major), b (outputs)]`.
 *
 * Binary tasks use one sigmoid output (as scikit-learn does, so the penalty
 * matches); multiclass tasks use a softmax over one output per class.
 */
import * as tf from '@tensorflow/tfjs';

export interface LinearProblem {
	/** Encoded rows `[n, cols]`. */
	X: tf.Tensor2D;
	/** Targets `[n, outputs]`: 0/1 for binary, one-hot for multiclass. */
	Y: tf.Tensor2D;
	/** Row weights / n, `[n, 1]`, so the loss is a weighted mean. */
	w: tf.Tensor2D;
	cols: number;
	outputs: number;
	/** L2 strength on W (not b): 1 / (C · n), scikit-learn's scaling of C. */
	lambda: number;
}

/** Logits `X·W + b` from a flat parameter vector. */
export function linearLogits(X: tf.Tensor2D, theta: Float64Array | Float32Array, cols: number, outputs: number): tf.Tensor2D {
	return tf.tidy(() => {
		const W = tf.tensor2d(Float32Array.from(theta.subarray(0, cols * outputs)), [cols, outputs]);
		const b = tf.tensor1d(Float32Array.from(theta.subarray(cols * outputs)));
		return tf.add(tf.matMul(X, W), b) as tf.Tensor2D;
	});
}

/** Class probabilities `[n, outputs]` from logits (sigmoid for a single output). */
export function outputProbabilities(logits: tf.Tensor2D, outputs: number): tf.Tensor2D {
	return outputs === 1 ? tf.sigmoid(logits) : tf.softmax(logits);
}

/** Loss and gradient at `theta` (all tensors freed before returning). */
export function evaluate(p: LinearProblem, theta: Float64Array): { loss: number; grad: Float64Array } {
	const { cols, outputs } = p;
	const [lossT, gradW, gradB] = tf.tidy(() => {
		const z = linearLogits(p.X, theta, cols, outputs);
		// Numerically stable forms: softplus(z) − y·z and logsumexp(z) − Σ y·z.
		const perRow =
			outputs === 1
				? tf.sub(tf.softplus(z), tf.mul(p.Y, z))
				: tf.sub(tf.logSumExp(z, 1, true), tf.sum(tf.mul(p.Y, z), 1, true));
		const W = tf.tensor2d(Float32Array.from(theta.subarray(0, cols * outputs)), [cols, outputs]);
		// Per-row losses come back and are summed in float64: a float32 sum over
		// thousands of rows is too coarse for the line search near the optimum.
		const loss = tf.mul(p.w, perRow);
		const G = tf.mul(p.w, tf.sub(outputProbabilities(z, outputs), p.Y));
		const gW = tf.add(tf.matMul(p.X, G, true, false), tf.mul(p.lambda, W));
		return [loss, gW, tf.sum(G, 0)];
	});
	try {
		const grad = new Float64Array(theta.length);
		grad.set(gradW.dataSync());
		grad.set(gradB.dataSync(), cols * outputs);
		let loss = 0;
		for (const v of lossT.dataSync()) loss += v;
		let norm = 0;
		for (let i = 0; i < cols * outputs; i++) norm += theta[i] * theta[i];
		return { loss: loss + 0.5 * p.lambda * norm, grad };
	} finally {
		tf.dispose([lossT, gradW, gradB]);
	}
}

/** Builds the problem's constant tensors; the caller disposes them with `disposeProblem`. */
export function makeProblem(
	matrix: Float32Array,
	rows: number,
	cols: number,
	y: Int32Array,
	classes: number,
	weights: Float32Array,
	C: number
): LinearProblem {
	const outputs = classes === 2 ? 1 : classes;
	const targets = new Float32Array(rows * outputs);
	for (let r = 0; r < rows; r++) {
		if (outputs === 1) targets[r] = y[r];
		else targets[r * outputs + y[r]] = 1;
	}
	const scaled = Float32Array.from(weights, (v) => v / rows);
	return {
		X: tf.tensor2d(matrix, [rows, cols]),
		Y: tf.tensor2d(targets, [rows, outputs]),
		w: tf.tensor2d(scaled, [rows, 1]),
		cols,
		outputs,
		lambda: 1 / (C * rows)
	};
}

export function disposeProblem(p: LinearProblem): void {
	tf.dispose([p.X, p.Y, p.w]);
}

/**
 * Hessian of the binary objective, `(cols + 1)²` row-major over `[W, b]`:
 * `X₁ᵀ diag(w·p·(1−p)) X₁ + λ` on the weight diagonal (the intercept is not penalised).
 */
export function binaryHessian(p: LinearProblem, theta: Float64Array): Float64Array {
	const H = tf.tidy(() => {
		const prob = tf.sigmoid(linearLogits(p.X, theta, p.cols, 1));
		const s = tf.mul(p.w, tf.mul(prob, tf.sub(1, prob)));
		const X1 = tf.concat([p.X, tf.onesLike(s)], 1);
		return tf.matMul(X1, tf.mul(X1, s), true, false);
	});
	const out = Float64Array.from(H.dataSync());
	H.dispose();
	for (let j = 0; j < p.cols; j++) out[j * (p.cols + 1) + j] += p.lambda;
	return out;
}
