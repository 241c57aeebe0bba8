/**
 * k-means: k-means++ seeding (kmeans-init.ts), mini-batch steps with
 * TensorFlow.js ops (WebGPU, WASM or cpu), several seeded restarts keeping the lowest inertia,
 * and Lloyd iterations until the centroids move less than a tolerance (scaled
 * as in scikit-learn), whose row passes (nearest centroid, cluster sums) run
 * in WebAssembly over blocks of rows, on the helper threads when there are
 * some (centroid-blocks.ts: the same result with any number of threads).
 * No cluster is ever returned empty: an empty centroid is reseeded on the
 * farthest row.
 */
import * as tf from '@tensorflow/tfjs';
import type { ThreadPool } from '../types';
import { createRng } from '../shared/random';
import { denseOf, type Assignment, type MatrixInput } from './distances';
import { kmeansPlusPlus } from './kmeans-init';
import { miniBatchKMeans } from './minibatch';
import { CentroidBlocks } from './centroid-blocks';

/** k-means settings; only `k` is required. */
export interface KMeansOptions {
	k: number;
	/** Seeds initialisation, restarts and batches. Default 42. */
	seed?: number;
	/** Independent k-means++ starts; the lowest inertia wins. Default 10. */
	restarts?: number;
	/** Lloyd iterations per start (passes over the data for mini-batch). Default 300. */
	maxIter?: number;
	/** Relative tolerance on centroid movement, × mean column variance (scikit-learn's rule). Default 1e-4. */
	tol?: number;
	/** Mini-batch k-means: 'auto' uses it from 200,000 rows. Default 'auto'. */
	miniBatch?: boolean | 'auto';
	/** Rows per mini-batch. Default 4096. */
	batchSize?: number;
	/** Starting centroids (k × cols) instead of k-means++; then one start is run. */
	init?: Float32Array;
	/** Helper threads the row passes spread over (results do not depend on them). */
	threads?: ThreadPool;
}

/** A fitted k-means: plain data (structuredClone- and JSON-safe with typed arrays encoded). */
export interface KMeansResult {
	k: number;
	cols: number;
	/** Row-major k × cols. */
	centroids: Float32Array;
	/** Cluster of each training row (0 .. k-1); every cluster has at least one row. */
	labels: Int32Array;
	/** Sum of squared distances of rows to their centroid. */
	inertia: number;
	/** Lloyd iterations (or mini-batch steps) of the winning start. */
	iterations: number;
}

export const MINI_BATCH_ROWS = 200_000;

/** Mean column variance: scikit-learn's scale for `tol`, so the tolerance is unit-free. */
function meanVariance(host: Float32Array, rows: number, cols: number): number {
	let total = 0;
	for (let c = 0; c < cols; c++) {
		let sum = 0;
		let sq = 0;
		for (let r = 0, at = c; r < rows; r++, at += cols) {
			sum += host[at];
			sq += host[at] * host[at];
		}
		const mean = sum / rows;
		total += Math.max(0, sq / rows - mean * mean);
	}
	return total / cols;
}

/**
 * Moves each empty cluster's centroid onto the row farthest from its own centroid (the
 * farthest first, each row used once), as scikit-learn does. Returns false when no cluster
 * was empty. `sums`/`counts` are the M-step totals and are updated in place.
 */
function relocateEmpty(counts: Float64Array, sums: Float64Array, assignment: Assignment, host: Float32Array, cols: number): boolean {
	const empty = [...counts.keys()].filter((j) => counts[j] === 0);
	if (empty.length === 0) return false;
	const order = Int32Array.from(assignment.distances.keys()).sort((a, b) => assignment.distances[b] - assignment.distances[a]);
	empty.forEach((j, i) => {
		const row = order[Math.min(i, order.length - 1)];
		const old = assignment.labels[row];
		for (let c = 0; c < cols; c++) {
			const v = host[row * cols + c];
			sums[old * cols + c] -= v;
			sums[j * cols + c] = v;
		}
		counts[old]--;
		counts[j] = 1;
	});
	return true;
}

/**
 * One Lloyd run from `start`; returns the final centroids and iterations used. Each iteration is
 * one pass over the row blocks (nearest centroid, then each cluster's float64 sums in a fixed order).
 */
async function lloyd(blocks: CentroidBlocks, host: Float32Array, cols: number, start: Float32Array, k: number, maxIter: number, tolAbs: number) {
	const centroids = start.slice();
	let iterations = 0;
	while (iterations < maxIter) {
		iterations++;
		const { sums, counts } = await blocks.pass(centroids);
		// Rare: the rows' distances are gathered only in an iteration that emptied a cluster.
		if (counts.includes(0)) relocateEmpty(counts, sums, await blocks.assign(centroids), host, cols);
		let shift = 0;
		for (let j = 0; j < k; j++) {
			for (let c = 0; c < cols; c++) {
				const moved = sums[j * cols + c] / counts[j];
				shift += (moved - centroids[j * cols + c]) ** 2;
				centroids[j * cols + c] = moved;
			}
		}
		if (shift <= tolAbs) break;
	}
	return { centroids, iterations };
}

/** Final assignment; reseeds any cluster left empty until all k are used (or no distinct row is left). */
async function finalAssignment(blocks: CentroidBlocks, host: Float32Array, cols: number, centroids: Float32Array, k: number): Promise<Assignment> {
	for (let attempt = 0; ; attempt++) {
		const assignment = await blocks.assign(centroids);
		const counts = new Float64Array(k);
		for (const label of assignment.labels) counts[label]++;
		if (!counts.includes(0)) return assignment;
		if (attempt >= k) throw new Error(`invalid k: ${k} (the data has fewer than ${k} distinct rows)`);
		const empty = [...counts.keys()].filter((j) => counts[j] === 0);
		const order = Int32Array.from(assignment.distances.keys()).sort((a, b) => assignment.distances[b] - assignment.distances[a]);
		empty.forEach((j, i) => centroids.set(host.subarray(order[i] * cols, (order[i] + 1) * cols), j * cols));
	}
}

/**
 * Fits k-means to the rows of a dense matrix.
 * @example const model = await kmeans({data, rows, cols}, {k: 4, seed: 42}); model.labels[0]
 */
export async function kmeans(input: MatrixInput, options: KMeansOptions): Promise<KMeansResult> {
	const { k } = options;
	const restarts = options.init ? 1 : (options.restarts ?? 10);
	const maxIter = options.maxIter ?? 300;
	const tol = options.tol ?? 1e-4;
	const batchSize = options.batchSize ?? 4096;
	const dense = denseOf(input);
	const { rows, cols, data: host } = dense;
	if (!(Number.isInteger(k) && k >= 1)) throw new Error(`invalid k: ${k}`);
	if (rows < k) throw new Error(`invalid k: ${k} (only ${rows} rows)`);
	if (!(Number.isInteger(restarts) && restarts >= 1)) throw new Error(`invalid restarts: ${restarts}`);
	if (!(Number.isInteger(maxIter) && maxIter >= 1)) throw new Error(`invalid maxIter: ${maxIter}`);
	if (!(tol >= 0)) throw new Error(`invalid tol: ${tol}`);
	if (options.init && options.init.length !== k * cols) throw new Error(`invalid init: ${options.init.length} values for ${k} × ${cols}`);
	for (const v of host) if (!Number.isFinite(v)) throw new Error(`invalid matrix: it holds ${v} (impute missing values first)`);

	const useMiniBatch = options.miniBatch === 'auto' || options.miniBatch === undefined ? rows >= MINI_BATCH_ROWS : options.miniBatch;
	const tolAbs = meanVariance(host, rows, cols) * tol;
	const rng = createRng(options.seed ?? 42);
	const blocks = await CentroidBlocks.open(host, rows, cols, k, options.threads);
	try {
		if (useMiniBatch) {
			// The mini-batch steps are tensor ops on batches gathered from the whole table.
			const X = input instanceof tf.Tensor ? input : tf.tensor2d(host, [rows, cols]);
			let run: { centroids: Float32Array; iterations: number };
			try {
				run = miniBatchKMeans(X, host, { k, batchSize, maxIter, restarts, tolAbs, init: options.init }, rng);
			} finally {
				if (X !== input) X.dispose();
			}
			return result(k, cols, run.centroids, await finalAssignment(blocks, host, cols, run.centroids, k), run.iterations);
		}
		let best: KMeansResult | null = null;
		for (let restart = 0; restart < restarts; restart++) {
			const start = options.init ?? kmeansPlusPlus(host, rows, cols, k, rng);
			const run = await lloyd(blocks, host, cols, start, k, maxIter, tolAbs);
			const fitted = result(k, cols, run.centroids, await finalAssignment(blocks, host, cols, run.centroids, k), run.iterations);
			// Strictly lower: ties keep the earlier start, so the result depends only on the seed.
			if (!best || fitted.inertia < best.inertia) best = fitted;
		}
		return best!;
	} finally {
		await blocks.close();
	}
}

function result(k: number, cols: number, centroids: Float32Array, assignment: Assignment, iterations: number): KMeansResult {
	let inertia = 0;
	for (const d of assignment.distances) inertia += d;
	return { k, cols, centroids, labels: assignment.labels, inertia, iterations };
}
