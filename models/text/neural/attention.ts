/**
 * The transformer encoder architecture (used from scratch by `transformer.ts`
 * and, with shipped weights, by the pretrained model): token + learned
 * position embeddings → N pre-norm layers of multi-head self-attention (keys
 * at padded positions masked out) and a ReLU feed-forward block, each with a
 * residual connection → final layer norm → max- and mean-pooling over the
 * valid positions → dropout → dense output. Pre-norm layers train stably
 * without a long warm-up, which matters for a few epochs on small data.
 */
import * as tf from '@tensorflow/tfjs';
import type { IdBatch } from './encode';
import type { Architecture, TrainNoise } from './network';
import { batchMask, dense, dropout, embed, layerNorm, maskedPool } from './ops';
import type { Initializer, TensorSet, WeightSet } from './weights';

export interface TransformerConfig {
	/** Width of embeddings and of every layer's output. */
	dim: number;
	/** Attention heads per layer (`dim` must divide by it). */
	heads: number;
	layers: number;
	/** Hidden units of each feed-forward block. */
	ffUnits: number;
	/** Positions with a learned embedding: the longest text the model reads. */
	maxLength: number;
}

const layerShapes = (d: number, ff: number): Record<string, number[]> => ({
	norm1Gain: [d],
	norm1Bias: [d],
	qkv: [d, 3 * d],
	qkvBias: [3 * d],
	out: [d, d],
	outBias: [d],
	norm2Gain: [d],
	norm2Bias: [d],
	ff1: [d, ff],
	ff1Bias: [ff],
	ff2: [ff, d],
	ff2Bias: [d]
});

/** Multi-head self-attention of `h` (`[B, T, d]`); `keyBias` (`[B, 1, 1, T]`) is −1e9 on padding keys. */
function selfAttention(h: tf.Tensor, w: TensorSet, p: string, heads: number, keyBias: tf.Tensor): tf.Tensor {
	const [B, T, d] = h.shape as [number, number, number];
	const dk = d / heads;
	const split = (x: tf.Tensor) => tf.transpose(tf.reshape(x, [B, T, heads, dk]), [0, 2, 1, 3]); // [B, heads, T, dk]
	const [q, k, v] = tf.split(dense(h, w[`${p}qkv`], w[`${p}qkvBias`]), 3, 2).map(split);
	const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dk)), keyBias);
	const mixed = tf.matMul(tf.softmax(scores), v); // [B, heads, T, dk]
	const merged = tf.reshape(tf.transpose(mixed, [0, 2, 1, 3]), [B, T, d]);
	return dense(merged, w[`${p}out`], w[`${p}outBias`]);
}

export const transformerArchitecture: Architecture<TransformerConfig> = {
	shapes({ dim: d, layers, ffUnits, maxLength }, vocabSize, outputs) {
		const shapes: Record<string, number[]> = { embedding: [vocabSize, d], position: [maxLength, d] };
		for (let l = 0; l < layers; l++) for (const [name, shape] of Object.entries(layerShapes(d, ffUnits))) shapes[`layer${l}.${name}`] = shape;
		return { ...shapes, finalGain: [d], finalBias: [d], headWeights: [2 * d, outputs], headBias: [outputs] };
	},

	init(config, vocabSize, outputs, init: Initializer): WeightSet {
		const weights: WeightSet = {};
		for (const [name, shape] of Object.entries(this.shapes(config, vocabSize, outputs))) {
			if (name === 'embedding' || name === 'position') weights[name] = init.uniform(shape, 0.05);
			// A small head starts every text near the prior (loss ≈ ln 2 instead of well above it).
			else if (name === 'headWeights') weights[name] = init.uniform(shape, 0.01);
			else if (shape.length === 2) weights[name] = init.glorot(shape as [number, number]);
			else if (name.endsWith('Gain')) weights[name] = init.ones(shape);
			else weights[name] = init.zeros(shape);
		}
		return weights;
	},

	forward(w: TensorSet, batch: IdBatch, config: TransformerConfig, noise: TrainNoise | null): tf.Tensor2D {
		const { rows: B, T } = batch;
		const rate = noise?.dropout ?? 0;
		const seed = noise?.seed ?? 0;
		const { mask, lengths } = batchMask(batch);
		const ids = tf.tensor2d(batch.ids, [B, T], 'int32');
		const positions = tf.slice(w.position, [0, 0], [T, config.dim]);
		let x: tf.Tensor = dropout(tf.add(embed(w.embedding, ids, batch.ids), positions), rate, seed);
		const keyBias = tf.reshape(tf.mul(tf.sub(mask, 1), 1e9), [B, 1, 1, T]);
		for (let l = 0; l < config.layers; l++) {
			const p = `layer${l}.`;
			const attended = selfAttention(layerNorm(x, w[`${p}norm1Gain`], w[`${p}norm1Bias`]), w, p, config.heads, keyBias);
			x = tf.add(x, dropout(attended, rate, seed + 10 * l + 1));
			const h = layerNorm(x, w[`${p}norm2Gain`], w[`${p}norm2Bias`]);
			const ff = dense(tf.relu(dense(h, w[`${p}ff1`], w[`${p}ff1Bias`])), w[`${p}ff2`], w[`${p}ff2Bias`]);
			x = tf.add(x, dropout(ff, rate, seed + 10 * l + 2));
		}
		x = layerNorm(x, w.finalGain, w.finalBias);
		const features = maskedPool(x as tf.Tensor3D, mask, lengths);
		return dense(dropout(features, rate, seed + 3), w.headWeights, w.headBias) as tf.Tensor2D;
	},

	decays: (name) => !/(Bias|Gain)$/.test(name),
	// Attention holds [rows, heads, T, T] scores: fewer padded tokens per batch than the GRU.
	scoringTokens: 32 * 160
};
