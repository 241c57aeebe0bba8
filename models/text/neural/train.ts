/**
 * The epochs of the neural text models, in the shared epoch loop
 * (`shared/epochs.ts`: early stopping on the validation loss with the best
 * weights kept, progress after each epoch): seeded mini-batches of similar
 * lengths, word dropout, AdamW with a short warm-up and gradient clipping,
 * progress within each epoch, and a cancellation check after every batch
 * (a `setTimeout(0)` yield lets the cancel message arrive).
 */
import * as tf from '@tensorflow/tfjs';
import type { CurvePoint } from '../../types';
import type { TextFitContext } from '../types';
import { UNK } from '../vocab';
import { yieldAndCheck } from '../../shared/cancel';
import { runEpochs } from '../../shared/epochs';
import { padBatch, trainingBatches, type IdBatch } from './encode';
import { crossEntropy } from './ops';
import { scoreSequences, type Architecture } from './network';
import { readWeights, toVariables, type WeightSet } from './weights';

/** Encoded rows: token ids, class indices and row weights (mean 1). */
export interface TrainRows {
	seqs: Int32Array[];
	y: Int32Array;
	weights: Float32Array;
	/**
	 * Optional soft targets `[rows × outputs]` used instead of `y` for the
	 * training loss (e.g. a teacher's probabilities mixed with the labels, as the
	 * pretraining script does); the validation loss always uses `y`.
	 */
	soft?: Float32Array;
}

export interface TrainOptions {
	epochs: number;
	batchSize: number;
	learningRate: number;
	weightDecay: number;
	dropout: number;
	wordDropout: number;
	patience: number;
	/** 1 (sigmoid) for two classes, else one per class. */
	outputs: number;
	/**
	 * Decay of the running average of the weights that is evaluated and kept
	 * (Polyak averaging; 0 keeps the raw weights). Averaging over the last few
	 * hundred steps smooths the noisy updates of small data sets.
	 */
	averageDecay: number;
	/** Progress label, e.g. "Epoch" or "Fine-tuning epoch". */
	stage?: string;
	/**
	 * Fine-tuning: the starting weights compete too (epoch 0), so a model that
	 * is already good is not replaced by a worse epoch on a small or noisy set.
	 */
	initialCompetes?: boolean;
	/** Weights to update (all when absent): fine-tuning first fits the head alone on frozen features. */
	trainable?: (name: string) => boolean;
}

export interface TrainResult {
	weights: WeightSet;
	curve: CurvePoint[];
	/** Epoch whose weights were kept. */
	bestEpoch: number;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;
/** Gradients are rescaled to at most this global norm (recurrent networks otherwise spike now and then). */
const CLIP_NORM = 1;
/** Warm-up length: 100 steps, or a tenth of the planned steps when there are few (tiny data sets). */
const WARMUP_STEPS = 100;
const PROGRESS_EVERY = 10;

/**
 * Linear warm-up over the first steps, then a linear decay to a tenth of the
 * peak at the last planned epoch: late epochs take small steps, which the
 * weight average and early stopping turn into a steadier best model.
 */
function learningRateAt(opts: TrainOptions, step: number, progress: number, plannedSteps: number): number {
	const warmup = Math.max(1, Math.min(WARMUP_STEPS, Math.ceil(plannedSteps / 10)));
	return opts.learningRate * Math.min(1, step / warmup) * Math.max(0.1, 1 - 0.9 * progress);
}

/** Word dropout: each real token becomes `<unk>` with probability `rate` (the same `<unk>` occlusion uses). */
function dropWords(batch: IdBatch, rate: number, rng: () => number): IdBatch {
	if (rate <= 0) return batch;
	const ids = batch.ids.slice();
	for (let r = 0; r < batch.rows; r++) for (let t = 0; t < batch.lengths[r]; t++) if (rng() < rate) ids[r * batch.T + t] = UNK;
	return { ...batch, ids };
}

function targets(rows: TrainRows, members: Int32Array, outputs: number): Float32Array {
	const out = new Float32Array(members.length * outputs);
	members.forEach((row, i) => {
		if (rows.soft) out.set(rows.soft.subarray(row * outputs, (row + 1) * outputs), i * outputs);
		else if (outputs === 1) out[i] = rows.y[row];
		else out[i * outputs + rows.y[row]] = 1;
	});
	return out;
}

/** A non-trainable variable of zeros shaped like `like` (the temporary tensor is freed). */
function zerosVariable(like: tf.Tensor): tf.Variable {
	const zeros = tf.zerosLike(like);
	const v = tf.variable(zeros, false);
	zeros.dispose();
	return v;
}

/** Weighted mean cross-entropy of scored probabilities (`[n × K]`), computed on the host. */
function meanLoss(probs: Float32Array, rows: TrainRows): number {
	const k = probs.length / Math.max(rows.y.length, 1);
	let sum = 0;
	let weight = 0;
	rows.y.forEach((label, i) => {
		sum -= rows.weights[i] * Math.log(Math.max(probs[i * k + label], 1e-7));
		weight += rows.weights[i];
	});
	return sum / Math.max(weight, 1e-12);
}

/**
 * Trains `arch` from `initial` weights. Every tensor it creates is freed,
 * also on cancellation or error.
 */
export async function trainNetwork<C>(
	arch: Architecture<C>,
	config: C,
	initial: WeightSet,
	train: TrainRows,
	valid: TrainRows | null,
	opts: TrainOptions,
	rng: () => number,
	ctx: TextFitContext
): Promise<TrainResult> {
	const vars = toVariables(initial);
	const names = Object.keys(vars).filter((n) => opts.trainable?.(n) ?? true);
	const varList = names.map((n) => vars[n]);
	const moments = names.map((n) => ({ m: zerosVariable(vars[n]), v: zerosVariable(vars[n]) }));
	// The averaged weights start at the initial ones; with averaging off they are the raw variables.
	const averaged = opts.averageDecay > 0 ? { ...vars, ...toVariables(pickWeights(initial, names), false) } : vars;
	const lengths = Int32Array.from(train.seqs, (s) => s.length);
	let step = 0;
	let lossSum = tf.scalar(0);
	try {
		const initialLoss = valid && opts.initialCompetes ? meanLoss(await scoreSequences(arch, config, vars, valid.seqs, ctx.signal), valid) : undefined;
		const stage = opts.stage ?? 'Epoch';
		const trained = await runEpochs({
			epochs: opts.epochs,
			patience: opts.patience,
			stage,
			ctx,
			initial: { weights: initial, loss: initialLoss },
			snapshot: () => readWeights(averaged),
			validLoss: valid ? async () => meanLoss(await scoreSequences(arch, config, averaged, valid.seqs, ctx.signal), valid) : undefined,
			trainEpoch: async (epoch) => {
				const batches = trainingBatches(lengths, opts.batchSize, rng);
				lossSum.dispose();
				lossSum = tf.scalar(0);
				for (let b = 0; b < batches.length; b++) {
					const members = batches[b];
					const batch = dropWords(padBatch(train.seqs, members), opts.wordDropout, rng);
					const seed = Math.floor(rng() * 2 ** 31);
					step++;
					const lr = learningRateAt(opts, step, (epoch - 1 + b / batches.length) / opts.epochs, batches.length * opts.epochs);
					const cost = tf.tidy(() => {
						const Y = tf.tensor2d(targets(train, members, opts.outputs), [members.length, opts.outputs]);
						const W = tf.tensor2d(Float32Array.from(members, (r) => train.weights[r]), [members.length, 1]);
						const { value, grads } = tf.variableGrads(() => {
							const logits = arch.forward(vars, batch, config, { dropout: opts.dropout, seed });
							return tf.mean(tf.mul(W, crossEntropy(logits, Y))) as tf.Scalar;
						}, varList);
						adamwStep(names, vars, moments, grads, step, lr, opts.weightDecay, arch);
						if (averaged !== vars) {
							// Early steps average over fewer updates (TensorFlow's ExponentialMovingAverage num_updates rule).
							const decay = Math.min(opts.averageDecay, (1 + step) / (10 + step));
							for (const n of names) averaged[n].assign(tf.add(tf.mul(averaged[n], decay), tf.mul(vars[n], 1 - decay)));
						}
						return tf.add(lossSum, tf.mul(value, members.length / train.y.length));
					});
					lossSum.dispose();
					lossSum = cost as tf.Scalar;
					if ((b + 1) % PROGRESS_EVERY === 0) {
						ctx.progress({ fraction: (epoch - 1 + (b + 1) / batches.length) / opts.epochs, stage: `${stage} ${epoch}/${opts.epochs}` });
					}
					await yieldAndCheck(ctx.signal);
				}
				return (await lossSum.data())[0];
			}
		});
		return { weights: trained.weights, curve: trained.curve, bestEpoch: trained.bestEpoch };
	} finally {
		lossSum.dispose();
		tf.dispose(Object.values(vars));
		if (averaged !== vars) tf.dispose(names.map((n) => averaged[n]));
		tf.dispose(moments.flatMap((m) => [m.m, m.v]));
	}
}

const pickWeights = (weights: WeightSet, names: string[]): WeightSet => Object.fromEntries(names.map((n) => [n, weights[n]]));

/**
 * One AdamW step (Loshchilov & Hutter): Adam on the clipped gradients, weight
 * decay applied to the weights directly, not through the moments. Written out
 * (not tf.train.adam) for the warm-up, clipping and per-weight decay.
 */
function adamwStep<C>(
	names: string[],
	vars: Record<string, tf.Variable>,
	moments: { m: tf.Variable; v: tf.Variable }[],
	grads: tf.NamedTensorMap,
	step: number,
	lr: number,
	weightDecay: number,
	arch: Architecture<C>
): void {
	// A weight the loss does not reach (e.g. an unused head in a custom architecture) has no gradient: zeros.
	const gs = names.map((n) => grads[vars[n].name] ?? tf.zerosLike(vars[n]));
	const norm = tf.sqrt(tf.addN(gs.map((g) => tf.sum(tf.square(g)))));
	const scale = tf.minimum(1, tf.div(CLIP_NORM, tf.add(norm, 1e-6)));
	const c1 = 1 / (1 - BETA1 ** step);
	const c2 = 1 / (1 - BETA2 ** step);
	names.forEach((name, i) => {
		const w = vars[name];
		const g = tf.mul(gs[i], scale);
		const { m, v } = moments[i];
		m.assign(tf.add(tf.mul(m, BETA1), tf.mul(g, 1 - BETA1)));
		v.assign(tf.add(tf.mul(v, BETA2), tf.mul(tf.square(g), 1 - BETA2)));
		let update = tf.div(tf.mul(m, c1), tf.add(tf.sqrt(tf.mul(v, c2)), EPSILON));
		if (weightDecay > 0 && arch.decays(name)) update = tf.add(update, tf.mul(w, weightDecay));
		w.assign(tf.sub(w, tf.mul(update, lr)));
	});
}
