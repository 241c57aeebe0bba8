/**
 * Building blocks shared by the text networks, as plain TF.js ops (TF.js has
 * no attention layer, and raw ops keep seeds, weights and memory under our
 * control, as in `models/mlp`).
 */
import * as tf from '@tensorflow/tfjs';
import type { IdBatch } from './encode';

type GradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor | tf.Tensor[];

/** `tf.customGrad` with the inputs as an array (its own signature does not type-check with named tensor arguments). */
export function customOp(f: (inputs: tf.Tensor[], save: tf.GradSaveFunc) => { value: tf.Tensor; gradFunc: GradFunc }): (...inputs: tf.Tensor[]) => tf.Tensor {
	const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => f(args.slice(0, -1) as tf.Tensor[], args[args.length - 1] as tf.GradSaveFunc));
	return (...inputs) => op(...inputs);
}

/**
 * Rows of `table` for integer `ids` (`[B, T]` → `[B, T, D]`). The gradient is
 * a scatter-add (`scatterND` sums repeated ids): `gather`'s own gradient needs
 * the UnsortedSegmentSum kernel, which the WASM backend lacks. On WASM the
 * lookup itself is done on the host (its Gather kernel is ~5× slower than a
 * copy of the table and a loop of `set`s).
 */
export function embed(table: tf.Tensor, ids: tf.Tensor2D, idValues?: Int32Array): tf.Tensor3D {
	const [rows, dim] = table.shape as [number, number];
	const flat = tf.reshape(ids, [-1]) as tf.Tensor1D;
	// The ids must go through `save`: tensors merely captured here are freed before the backward pass.
	const lookup = customOp(([t, i], save) => {
		save([i]);
		return {
			value: idValues && tf.getBackend() === 'wasm' ? hostGather(t, idValues, dim) : tf.gather(t, i),
			gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [
				tf.scatterND(tf.expandDims(saved[0], 1), tf.reshape(dy, [-1, dim]), [rows, dim]),
				tf.zeros(saved[0].shape)
			]
		};
	});
	return tf.reshape(lookup(table, flat), [ids.shape[0], ids.shape[1], dim]) as tf.Tensor3D;
}

function hostGather(table: tf.Tensor, ids: Int32Array, dim: number): tf.Tensor2D {
	const values = table.dataSync() as Float32Array;
	const rows = table.shape[0];
	const out = new Float32Array(ids.length * dim);
	for (let i = 0; i < ids.length; i++) {
		const id = ids[i];
		if (!(id >= 0 && id < rows)) throw new Error(`invalid token id: ${id} (vocabulary of ${rows})`);
		out.set(values.subarray(id * dim, (id + 1) * dim), i * dim);
	}
	return tf.tensor2d(out, [ids.length, dim]);
}

/**
 * Max over axis 1 of `[B, T, D]`. Same values as `tf.max`; its gradient mask is
 * built with a broadcast subtraction and `sign`, because the broadcast `equal`
 * of TF.js's own gradient is ~20× slower on WASM.
 */
export function maxOverTime(x: tf.Tensor3D): tf.Tensor2D {
	const op = customOp(([v], save) => {
		const max = tf.max(v, 1);
		save([v, max]);
		return {
			value: max,
			gradFunc: (dy: tf.Tensor, [sv, smax]: tf.Tensor[]) => {
				const isMax = tf.sub(1, tf.sign(tf.sub(tf.expandDims(smax, 1), sv))); // 1 where v equals the max
				return tf.mul(isMax, tf.expandDims(dy, 1));
			}
		};
	});
	return op(x) as tf.Tensor2D;
}

/**
 * `a @ b` for 2-D tensors, with a gradient written with explicit transposes:
 * on WASM, matMul with `transposeA`/`transposeB` (what TF.js's own gradient
 * uses) leaves the fast XNNPACK path and runs about 10× slower.
 */
export function matMul2d(a: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
	const op = customOp(([x, y], save) => {
		save([x, y]);
		return {
			value: tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D),
			gradFunc: (dy: tf.Tensor, [sx, sy]: tf.Tensor[]) => [
				tf.matMul(dy as tf.Tensor2D, tf.transpose(sy) as tf.Tensor2D),
				tf.matMul(tf.transpose(sx) as tf.Tensor2D, dy as tf.Tensor2D)
			]
		};
	});
	return op(a, b) as tf.Tensor2D;
}

/** `x @ W + b` over the last axis of a tensor of any rank. */
export function dense(x: tf.Tensor, W: tf.Tensor, b: tf.Tensor): tf.Tensor {
	const inputs = x.shape[x.rank - 1];
	const flat = tf.reshape(x, [-1, inputs]) as tf.Tensor2D;
	const out = tf.add(matMul2d(flat, W), b);
	return x.rank === 2 ? out : tf.reshape(out, [...x.shape.slice(0, -1), W.shape[1] as number]);
}

/** Layer normalisation over the last axis. */
export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, epsilon = 1e-5): tf.Tensor {
	const mean = tf.mean(x, -1, true);
	const centred = tf.sub(x, mean);
	const variance = tf.mean(tf.square(centred), -1, true);
	return tf.add(tf.mul(tf.mul(centred, tf.rsqrt(tf.add(variance, epsilon))), gamma), beta);
}

/** Dropout with a fixed seed (so a seeded fit is reproducible); identity when `rate` is 0. */
export function dropout<T extends tf.Tensor>(x: T, rate: number, seed: number): T {
	return rate > 0 ? (tf.dropout(x, rate, undefined, seed) as T) : x;
}

/** `[B, T, 1]` with 1 on real tokens, and the lengths as `[B, 1]`. */
export function batchMask(batch: IdBatch): { mask: tf.Tensor3D; lengths: tf.Tensor2D } {
	const mask = new Float32Array(batch.rows * batch.T);
	for (let r = 0; r < batch.rows; r++) mask.fill(1, r * batch.T, r * batch.T + batch.lengths[r]);
	return {
		mask: tf.tensor3d(mask, [batch.rows, batch.T, 1]),
		lengths: tf.tensor2d(Float32Array.from(batch.lengths, (n) => Math.max(n, 1)), [batch.rows, 1])
	};
}

/**
 * Max and mean over the valid positions of `x` (`[B, T, D]`, `mask` `[B, T, 1]`
 * with 1 on real tokens): `[B, 2D]`. Padding never reaches the result, so a
 * text scores the same whatever else shares its batch.
 */
export function maskedPool(x: tf.Tensor3D, mask: tf.Tensor3D, lengths: tf.Tensor2D): tf.Tensor2D {
	// Padded positions sit far below any activation so they never win the max.
	const max = maxOverTime(tf.add(x, tf.mul(tf.sub(mask, 1), 1e4)) as tf.Tensor3D);
	const mean = tf.div(tf.sum(tf.mul(x, mask), 1), lengths);
	return tf.concat([max, mean], 1) as tf.Tensor2D;
}

/** Per-row cross-entropy `[B, 1]` from logits: sigmoid for one output, else softmax. */
export function crossEntropy(logits: tf.Tensor2D, targets: tf.Tensor2D): tf.Tensor2D {
	if (logits.shape[1] === 1) return tf.sub(tf.softplus(logits), tf.mul(targets, logits));
	return tf.sub(tf.logSumExp(logits, 1, true), tf.sum(tf.mul(targets, logits), 1, true));
}

/** Class probabilities `[B, K]` from logits (K = 2 for one sigmoid output: [1 − p, p]). */
export function classProbabilities(logits: tf.Tensor2D): tf.Tensor2D {
	if (logits.shape[1] !== 1) return tf.softmax(logits);
	const p = tf.sigmoid(logits);
	return tf.concat([tf.sub(1, p), p], 1) as tf.Tensor2D;
}
