/**
 * The MLP's epochs: seeded mini-batch Adam with dropout and L2, in the shared
 * epoch loop (`shared/epochs.ts`: early stopping on validation loss with the
 * best weights kept, progress per epoch, deadline), with cancellation checks
 * every `CHECK_EVERY` batches too.
 */
import * as tf from '@tensorflow/tfjs';
import type { CurvePoint, FitContext } from '../types';
import { yieldAndCheck } from '../shared/cancel';
import { runEpochs } from '../shared/epochs';
import { shuffle } from '../shared/random';
import { crossEntropy, forward, fromVars, toVars, type DenseLayer } from './network';
import { P } from '../shared/progress-words';

/** Encoded rows with their targets and row weights (mean 1 over training rows). */
export interface Batchable {
	X: Float32Array;
	cols: number;
	targets: Float32Array;
	weights: Float32Array;
	rows: number;
}

export interface TrainOptions {
	epochs: number;
	batchSize: number;
	learningRate: number;
	dropout: number;
	l2: number;
	patience: number;
	outputs: number;
}

export interface TrainResult {
	layers: DenseLayer[];
	curve: CurvePoint[];
	bestEpoch: number;
}

const CHECK_EVERY = 50;

function tensors(d: Batchable, outputs: number) {
	return {
		X: tf.tensor2d(d.X, [d.rows, d.cols]),
		Y: tf.tensor2d(d.targets, [d.rows, outputs]),
		w: tf.tensor2d(d.weights, [d.rows, 1])
	};
}

/** Trains from `initial` layers; every tensor it creates is freed, also on cancel or error. */
export async function trainNetwork(
	initial: DenseLayer[],
	train: Batchable,
	valid: Batchable | null,
	opts: TrainOptions,
	rng: () => number,
	ctx: FitContext
): Promise<TrainResult> {
	const vars = toVars(initial);
	const trainable = vars.flatMap((v) => [v.W, v.b]);
	const optimizer = tf.train.adam(opts.learningRate);
	const T = tensors(train, opts.outputs);
	const V = valid ? tensors(valid, opts.outputs) : null;
	const order = Int32Array.from({ length: train.rows }, (_, i) => i);
	const batches = Math.ceil(train.rows / opts.batchSize);
	let lossSum: tf.Scalar = tf.scalar(0);
	try {
		const trained = await runEpochs({
			epochs: opts.epochs,
			patience: opts.patience,
			stage: P.epoch,
			ctx,
			initial: { weights: initial },
			snapshot: () => fromVars(vars),
			trainEpoch: async () => {
				shuffle(order, rng);
				lossSum.dispose();
				lossSum = tf.scalar(0);
				for (let b = 0; b < batches; b++) {
					const seed = Math.floor(rng() * 2 ** 31);
					const idx = order.subarray(b * opts.batchSize, Math.min((b + 1) * opts.batchSize, train.rows));
					const cost = tf.tidy(() => {
						const at = tf.tensor1d(idx, 'int32');
						const [xb, yb, wb] = [tf.gather(T.X, at), tf.gather(T.Y, at), tf.gather(T.w, at)] as tf.Tensor2D[];
						return optimizer.minimize(() => {
							const logits = forward(xb, vars, { rate: opts.dropout, seed });
							const data = tf.mean(tf.mul(wb, crossEntropy(logits, yb)));
							if (opts.l2 <= 0) return data as tf.Scalar;
							const penalty = tf.addN(vars.map((v) => tf.sum(tf.square(v.W))));
							return tf.add(data, tf.mul(opts.l2, penalty)) as tf.Scalar;
						}, true, trainable)!;
					});
					const next = tf.tidy(() => tf.add(lossSum, tf.mul(cost, idx.length / train.rows)));
					tf.dispose([lossSum, cost]);
					lossSum = next as tf.Scalar;
					if ((b + 1) % CHECK_EVERY === 0) await yieldAndCheck(ctx.signal);
				}
				return (await lossSum.data())[0];
			},
			validLoss: V
				? async () => {
						const v = tf.tidy(() => tf.mean(tf.mul(V.w, crossEntropy(forward(V.X, vars), V.Y))));
						const loss = (await v.data())[0];
						v.dispose();
						return loss;
					}
				: undefined
		});
		return { layers: trained.weights, curve: trained.curve, bestEpoch: trained.bestEpoch };
	} finally {
		optimizer.dispose();
		lossSum.dispose();
		tf.dispose([T.X, T.Y, T.w, ...trainable]);
		if (V) tf.dispose([V.X, V.Y, V.w]);
	}
}
