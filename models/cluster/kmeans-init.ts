/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, as scikit-learn does it):
 * each new centroid is the best of 2 + ln k candidates drawn with probability
 * proportional to the squared distance to the nearest centroid so far. The
 * greedy trials are what make 10 restarts land in sklearn's optima reliably.
 */
import * as tf from '@tensorflow/tfjs';
import { randomInt } from '../shared/random';
import { squaredDistances } from './distances';

/** First index whose cumulative weight exceeds `target` (binary search; clamps to the last row). */
function searchCumulative(cumulative: Float64Array, target: number): number {
	let lo = 0;
	let hi = cumulative.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cumulative[mid] > target) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

function rowsOf(host: Float32Array, cols: number, indices: number[]): Float32Array {
	const out = new Float32Array(indices.length * cols);
	indices.forEach((r, i) => out.set(host.subarray(r * cols, (r + 1) * cols), i * cols));
	return out;
}

/** Column `j` of a [n, L] tensor as a Float64Array (one readback). */
function column(t: tf.Tensor2D, j: number): Float64Array {
	const slice = tf.slice(t, [0, j], [t.shape[0], 1]);
	const out = Float64Array.from(slice.dataSync());
	slice.dispose();
	return out;
}

/**
 * k-means++ centroids (k × cols, row-major) for the rows of `X` (`xSq` its row norms,
 * `host` the same data on the CPU for picking rows).
 */
export function kmeansPlusPlus(X: tf.Tensor2D, xSq: tf.Tensor2D, host: Float32Array, k: number, rng: () => number): Float32Array {
	const [rows, cols] = X.shape;
	const trials = 2 + Math.floor(Math.log(k));
	const centroids = new Float32Array(k * cols);
	const first = randomInt(rng, rows);
	centroids.set(host.subarray(first * cols, (first + 1) * cols), 0);
	const firstDistances = tf.tidy(() => squaredDistances(X, xSq, tf.tensor2d(centroids.subarray(0, cols), [1, cols])));
	let closest = column(firstDistances, 0);
	firstDistances.dispose();
	const cumulative = new Float64Array(rows);
	for (let c = 1; c < k; c++) {
		let potential = 0;
		for (let r = 0; r < rows; r++) cumulative[r] = potential += closest[r];
		const candidates = Array.from({ length: trials }, () => searchCumulative(cumulative, rng() * potential));
		// Distance of every row to its nearest centroid if each candidate were added.
		const nearest = tf.tidy(() => {
			const d = squaredDistances(X, xSq, tf.tensor2d(rowsOf(host, cols, candidates), [trials, cols]));
			return tf.minimum(d, tf.tensor2d(Float32Array.from(closest), [rows, 1])) as tf.Tensor2D;
		});
		const summed = tf.sum(nearest, 0);
		const potentials = summed.dataSync();
		summed.dispose();
		let pick = 0;
		for (let t = 1; t < trials; t++) if (potentials[t] < potentials[pick]) pick = t;
		closest = column(nearest, pick);
		nearest.dispose();
		centroids.set(host.subarray(candidates[pick] * cols, (candidates[pick] + 1) * cols), c * cols);
	}
	return centroids;
}
