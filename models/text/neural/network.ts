/**
 * What an architecture (recurrent network, transformer) provides to the
 * shared training loop, scoring and explanations: its weights and a forward
 * pass from a padded batch of token ids to logits.
 */
import * as tf from '@tensorflow/tfjs';
import type { IdBatch } from './encode';
import { padBatch, scoringBatches } from './encode';
import { classProbabilities } from './ops';
import { toTensors, type Initializer, type TensorSet, type WeightSet } from './weights';
import { cancelledError } from '../../shared/cancel';
import { nextTask } from '../../shared/next-task';

/** Training-time randomness for one batch: dropout rate and a seed for its masks. */
export interface TrainNoise {
	dropout: number;
	seed: number;
}

export interface Architecture<C> {
	/** Every weight's shape for a vocabulary size and number of outputs (states are checked against it). */
	shapes(config: C, vocabSize: number, outputs: number): Record<string, number[]>;
	init(config: C, vocabSize: number, outputs: number, init: Initializer): WeightSet;
	/** Logits `[rows, outputs]`; `noise` is null when scoring (no dropout). */
	forward(w: TensorSet, batch: IdBatch, config: C, noise: TrainNoise | null): tf.Tensor2D;
	/** Whether weight decay applies (weight matrices, not biases or normalisation gains). */
	decays(name: string): boolean;
	/** Padded tokens per scoring batch: bounds memory (attention grows with length squared). */
	scoringTokens: number;
}


/**
 * Class probabilities (`[n × K]`, row-major; K = 2 for a single sigmoid
 * output) of token-id sequences, scored in length-sorted batches. Yields to
 * the event loop between batches so a worker stays responsive, and stops
 * there with a CancelledError once `signal` is aborted (validation during fit).
 */
export async function scoreSequences<C>(
	arch: Architecture<C>,
	config: C,
	weights: WeightSet | TensorSet,
	seqs: readonly Int32Array[],
	signal?: AbortSignal
): Promise<Float32Array> {
	const owned = isWeightSet(weights);
	const tensors = owned ? toTensors(weights) : weights;
	let out: Float32Array | null = null;
	try {
		for (const members of scoringBatches(seqs, arch.scoringTokens)) {
			const probs = tf.tidy(() => classProbabilities(arch.forward(tensors, padBatch(seqs, members), config, null)));
			const values = await probs.data();
			const k = probs.shape[1];
			probs.dispose();
			out ??= new Float32Array(seqs.length * k);
			members.forEach((row, i) => out!.set(values.subarray(i * k, (i + 1) * k), row * k));
			await nextTask();
			if (signal?.aborted) throw cancelledError();
		}
	} finally {
		if (owned) tf.dispose(Object.values(tensors));
	}
	return out ?? new Float32Array(0);
}

function isWeightSet(w: WeightSet | TensorSet): w is WeightSet {
	const first = Object.values(w)[0];
	return first !== undefined && !(first instanceof tf.Tensor);
}
