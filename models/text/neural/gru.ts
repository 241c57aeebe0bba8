/**
 * The recurrent architecture: learned embeddings → bidirectional GRU →
 * max- and mean-pooling over the valid positions, concatenated with the mean
 * of the embeddings (a fastText-style bag of words, quick to learn from a few
 * thousand texts) → dropout → dense output.
 *
 * The recurrence (both directions in one loop, hand-written backward pass)
 * lives in `recurrence.ts`. Input projections of all steps are two big
 * matMuls before it.
 */
import * as tf from '@tensorflow/tfjs';
import type { IdBatch } from './encode';
import type { Architecture, TrainNoise } from './network';
import { batchMask, dense, dropout, embed, maskedPool } from './ops';
import { bidirectionalGru, combineRecurrent } from './recurrence';
import type { Initializer, TensorSet, WeightSet } from './weights';

export interface GruConfig {
	embeddingDim: number;
	/** Units per direction. */
	hiddenUnits: number;
}

/** Each text reversed within its length (padding stays at the end). */
function reversedIds(batch: IdBatch): Int32Array {
	const out = new Int32Array(batch.ids.length);
	for (let r = 0; r < batch.rows; r++) {
		const at = r * batch.T;
		const n = batch.lengths[r];
		for (let t = 0; t < n; t++) out[at + t] = batch.ids[at + n - 1 - t];
	}
	return out;
}

export const gruArchitecture: Architecture<GruConfig> = {
	shapes({ embeddingDim: E, hiddenUnits: H }, vocabSize, outputs) {
		return {
			embedding: [vocabSize, E],
			inputForward: [E, 3 * H],
			inputBiasForward: [3 * H],
			inputBackward: [E, 3 * H],
			inputBiasBackward: [3 * H],
			recurrentForward: [H, 3 * H],
			recurrentBackward: [H, 3 * H],
			/** Combined layout [z_f z_b r_f r_b] and [n_f n_b] (see recurrence.ts). */
			recurrentBiasZR: [4 * H],
			recurrentBiasN: [2 * H],
			headWeights: [4 * H + E, outputs],
			headBias: [outputs]
		};
	},

	init(config, vocabSize, outputs, init: Initializer): WeightSet {
		const { embeddingDim: E, hiddenUnits: H } = config;
		return {
			embedding: init.uniform([vocabSize, E], 0.05),
			inputForward: init.glorot([E, 3 * H]),
			inputBiasForward: init.zeros([3 * H]),
			inputBackward: init.glorot([E, 3 * H]),
			inputBiasBackward: init.zeros([3 * H]),
			recurrentForward: init.orthogonalBlocks(H, 3),
			recurrentBackward: init.orthogonalBlocks(H, 3),
			recurrentBiasZR: init.zeros([4 * H]),
			recurrentBiasN: init.zeros([2 * H]),
			// A small head starts every text near the prior (loss ≈ ln 2 instead of well above it).
			headWeights: init.uniform([4 * H + E, outputs], 0.01),
			headBias: init.zeros([outputs])
		};
	},

	forward(w: TensorSet, batch: IdBatch, config: GruConfig, noise: TrainNoise | null): tf.Tensor2D {
		const { rows: B, T } = batch;
		const H = config.hiddenUnits;
		const rate = noise?.dropout ?? 0;
		const seed = noise?.seed ?? 0;
		const { mask, lengths } = batchMask(batch);
		const backward = reversedIds(batch);
		const x = dropout(embed(w.embedding, tf.tensor2d(batch.ids, [B, T], 'int32'), batch.ids), rate, seed);
		const xr = dropout(embed(w.embedding, tf.tensor2d(backward, [B, T], 'int32'), backward), rate, seed + 1);

		// Input projections of every step at once (two large matMuls), then the recurrence.
		const projF = dense(x, w.inputForward, w.inputBiasForward) as tf.Tensor3D;
		const projB = dense(xr, w.inputBackward, w.inputBiasBackward) as tf.Tensor3D;
		const { Wzr, Wn } = combineRecurrent(w.recurrentForward, w.recurrentBackward, H);
		const recurrent = { Wzr, Wn, bzr: w.recurrentBiasZR as tf.Tensor1D, bn: w.recurrentBiasN as tf.Tensor1D };
		const states = bidirectionalGru(projF, projB, recurrent, noise !== null); // [B, T, 2H]
		// Mean of the (dropped-out) embeddings: the bag-of-words side path.
		const bag = tf.div(tf.sum(tf.mul(x, mask), 1), lengths);
		const features = tf.concat([maskedPool(states, mask, lengths), bag], 1);
		return dense(dropout(features, rate, seed + 2), w.headWeights, w.headBias) as tf.Tensor2D;
	},

	decays: (name) => !name.includes('Bias'),
	scoringTokens: 64 * 160
};
