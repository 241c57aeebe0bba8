/**
 * The k-means benchmark's workload, shared by the Node bench (bench-kmeans.ts) and the Chromium
 * bench (bench-kmeans-browser.mjs) so both time exactly the same data and fits: a synthetic
 * rows × 16 table of 8 blobs, full Lloyd for 50 iterations (one start, tol 0 so all 50 run) and
 * the default mini-batch path. The caller picks the TensorFlow.js backend first.
 */
import * as tf from '@tensorflow/tfjs';
import { kmeans, type DenseMatrix } from '../models/cluster';
import type { ThreadPool } from '../models';
import { createRng } from '../models/shared';

export const BENCH_COLS = 16;
export const BENCH_K = 8;
export const BENCH_LLOYD_ITERATIONS = 50;

/** Row r sits near centre r % k: column (r % k) is 4, the others 0, plus uniform noise in ±0.5. */
export function syntheticClusters(rows: number, cols = BENCH_COLS, k = BENCH_K, seed = 1): DenseMatrix {
	const rng = createRng(seed);
	const data = new Float32Array(rows * cols);
	for (let r = 0; r < rows; r++) {
		const centre = r % k;
		for (let c = 0; c < cols; c++) data[r * cols + c] = (c === centre ? 4 : 0) + rng() - 0.5;
	}
	return { data, rows, cols };
}

/** Times both fits on `rows` synthetic rows; the record is what the benches print. */
export async function runKMeansBench(rows: number, backend: string, threads?: ThreadPool) {
	const matrix = syntheticClusters(rows);
	const k = BENCH_K;
	const before = tf.memory().numTensors;
	let started = performance.now();
	const lloyd = await kmeans(matrix, { k, seed: 42, restarts: 1, maxIter: BENCH_LLOYD_ITERATIONS, tol: 0, miniBatch: false, threads });
	const lloydMs = performance.now() - started;
	started = performance.now();
	const mini = await kmeans(matrix, { k, seed: 42, threads });
	const miniMs = performance.now() - started;
	return {
		bench: 'kmeans',
		backend,
		rows,
		cols: matrix.cols,
		k,
		lloyd_iterations: lloyd.iterations,
		lloyd_ms: Math.round(lloydMs),
		// Printed so the Node and Chromium runs can be checked to fit the same model.
		lloyd_inertia: Number(lloyd.inertia.toPrecision(10)),
		minibatch_steps: mini.iterations,
		minibatch_ms: Math.round(miniMs),
		tensors_leaked: tf.memory().numTensors - before
	};
}
