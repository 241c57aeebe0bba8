/**
 * Mini-batch k-means (Sculley 2010, as scikit-learn's MiniBatchKMeans): for
 * large tables each step assigns a random batch and moves every centroid
 * towards its batch mean with a per-centroid learning rate 1 / (rows seen).
 * Seeding runs k-means++ on a sample of 3 batches; restarts pick the seeding
 * with the lowest inertia on that sample.
 */
import * as tf from '@tensorflow/tfjs';
import { randomInt } from '../shared/random';
import { assignRows, rowNorms, squaredDistances } from './distances';
import { kmeansPlusPlus } from './kmeans-init';

export interface MiniBatchOptions {
	k: number;
	batchSize: number;
	/** Passes over the data at most (steps = maxIter × rows / batch). */
	maxIter: number;
	restarts: number;
	/** Absolute tolerance on the summed squared centroid shift of one step. */
	tolAbs: number;
	init?: Float32Array;
}

/** Steps without a better smoothed batch inertia before stopping (scikit-learn's max_no_improvement). */
const MAX_NO_IMPROVEMENT = 10;

/** `count` distinct rows out of `rows` (partial Fisher–Yates). */
function sampleRows(rows: number, count: number, rng: () => number): Int32Array {
	const index = Int32Array.from({ length: rows }, (_, i) => i);
	for (let i = 0; i < count; i++) {
		const j = i + randomInt(rng, rows - i);
		const tmp = index[i];
		index[i] = index[j];
		index[j] = tmp;
	}
	return index.slice(0, count);
}

function seedOnSample(X: tf.Tensor2D, host: Float32Array, opts: MiniBatchOptions, rng: () => number): Float32Array {
	if (opts.init) return opts.init.slice();
	const [rows, cols] = X.shape;
	const size = Math.min(rows, Math.max(3 * opts.batchSize, 3 * opts.k));
	const picked = sampleRows(rows, size, rng);
	const sampleHost = new Float32Array(size * cols);
	picked.forEach((r, i) => sampleHost.set(host.subarray(r * cols, (r + 1) * cols), i * cols));
	const sample = tf.tensor2d(sampleHost, [size, cols]);
	try {
		let best: Float32Array | null = null;
		let bestInertia = Infinity;
		for (let restart = 0; restart < opts.restarts; restart++) {
			const centroids = kmeansPlusPlus(sampleHost, size, cols, opts.k, rng);
			let inertia = 0;
			for (const d of assignRows(sample, centroids, opts.k).distances) inertia += d;
			if (inertia < bestInertia) [best, bestInertia] = [centroids, inertia];
		}
		return best!;
	} finally {
		sample.dispose();
	}
}

/** Mini-batch k-means centroids and the number of steps taken. */
export function miniBatchKMeans(X: tf.Tensor2D, host: Float32Array, opts: MiniBatchOptions, rng: () => number): { centroids: Float32Array; iterations: number } {
	const [rows, cols] = X.shape;
	const { k, batchSize } = opts;
	const centroids = seedOnSample(X, host, opts, rng);
	const seen = new Float64Array(k);
	const maxSteps = Math.max(1, Math.ceil((opts.maxIter * rows) / batchSize));
	const alpha = Math.min(1, (2 * batchSize) / (rows + 1));
	let ewa = NaN;
	let bestEwa = Infinity;
	let stale = 0;
	let step = 0;
	const batchIndex = new Int32Array(batchSize);
	while (step < maxSteps) {
		step++;
		for (let i = 0; i < batchSize; i++) batchIndex[i] = randomInt(rng, rows);
		const stats = tf.tidy(() => {
			const batch = tf.gather(X, tf.tensor1d(batchIndex, 'int32')) as tf.Tensor2D;
			const d = squaredDistances(batch, rowNorms(batch), tf.tensor2d(centroids, [k, cols]));
			const onehot = tf.oneHot(tf.argMin(d, 1), k).toFloat();
			return { sums: tf.matMul(onehot, batch, true, false), counts: tf.sum(onehot, 0), inertia: tf.sum(tf.min(d, 1)) };
		});
		const sums = stats.sums.dataSync();
		const counts = stats.counts.dataSync();
		const batchInertia = stats.inertia.dataSync()[0] / batchSize;
		tf.dispose([stats.sums, stats.counts, stats.inertia]);
		let shift = 0;
		for (let j = 0; j < k; j++) {
			if (counts[j] === 0) continue;
			seen[j] += counts[j];
			for (let c = 0; c < cols; c++) {
				const at = j * cols + c;
				// Running mean: the centroid moves by (batch mean − centroid) × batch count / rows seen.
				const moved = centroids[at] + (sums[at] - counts[j] * centroids[at]) / seen[j];
				shift += (moved - centroids[at]) ** 2;
				centroids[at] = moved;
			}
		}
		ewa = Number.isNaN(ewa) ? batchInertia : ewa * (1 - alpha) + batchInertia * alpha;
		if (ewa < bestEwa) [bestEwa, stale] = [ewa, 0];
		else if (++stale >= MAX_NO_IMPROVEMENT) break;
		if (step > 1 && shift <= opts.tolAbs) break;
	}
	return { centroids, iterations: step };
}
