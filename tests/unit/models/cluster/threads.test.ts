/**
 * k-means gives the same segments whatever the number of helper threads its
 * row passes are spread over: each row's nearest centroid depends on the row
 * only, and the clusters' sums are added per fixed chunk of rows, in chunk
 * order. The row kernel in WebAssembly and its JavaScript twin agree bit for bit.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kmeans, kmeansModel, type DenseMatrix } from '$models/cluster';
import { CentroidBlock, CHUNK_ROWS } from '$models/cluster/centroid-block';
import { createRng } from '$models/shared/random';
import { isInputError } from '$models/shared/input-error';
import { nodeThreads } from '../../../../scripts/node-threads';

const pools = [nodeThreads(2, 0), nodeThreads(3, 0)];
beforeAll(async () => {
	await tf.setBackend('cpu');
	await tf.ready();
});
afterAll(() => pools.forEach((p) => p.stop()));

/** Overlapping clusters (so rows near the boundaries decide the centroids), `cols` not a multiple of 4. */
function cloud(rows: number, cols: number, seed: number): DenseMatrix {
	const rng = createRng(seed);
	const data = Float32Array.from({ length: rows * cols }, (_, i) => (((i / cols) | 0) % 5) * 0.8 + 2 * rng());
	return { data, rows, cols };
}

describe('k-means on helper threads', () => {
	// Several chunks per thread, and a last chunk cut short.
	const matrix = cloud(5 * CHUNK_ROWS + 1234, 7, 3);

	it.each([
		['Lloyd, 3 restarts', { k: 5, seed: 4, restarts: 3, miniBatch: false }],
		['mini-batch, then the final assignment', { k: 6, seed: 2, restarts: 2, miniBatch: true, batchSize: 2048 }]
	])('%s: the same centroids, labels and inertia with no threads, 2 and 3', async (_, options) => {
		const [alone, ...threaded] = [await kmeans(matrix, options), ...(await Promise.all(pools.map((threads) => kmeans(matrix, { ...options, threads }))))];
		expect(alone.iterations).toBeGreaterThan(1);
		for (const other of threaded) {
			expect(Array.from(other.centroids)).toEqual(Array.from(alone.centroids));
			expect(Array.from(other.labels)).toEqual(Array.from(alone.labels));
			expect(other.inertia).toBe(alone.inertia);
			expect(other.iterations).toBe(alone.iterations);
		}
	});

	it('the model contract passes its threads on: the same state and labels', async () => {
		const fit = (threads?: (typeof pools)[number]) => kmeansModel.fit(matrix, { ...kmeansModel.defaults, k: 4, restarts: 2 }, { seed: 9, threads });
		const [alone, threaded] = [await fit(), await fit(pools[0])];
		expect(threaded.state).toEqual(alone.state);
		expect(Array.from(threaded.labels)).toEqual(Array.from(alone.labels));
		// New rows are assigned with the same kernel: the training rows get their training labels.
		expect(Array.from(await kmeansModel.assign(alone.state, matrix))).toEqual(Array.from(alone.labels));
	});
});

describe('the nearest-centroid row kernel', () => {
	it.each([
		[3, 2],
		[8, 9],
		[17, 5]
	])('%i columns, k = %i: WebAssembly and JavaScript give the same labels, distances and cluster sums, within float32 of the exact distance', (cols, k) => {
		const { data, rows } = cloud(CHUNK_ROWS + 3000, cols, cols);
		const rng = createRng(k);
		const centroids = Float32Array.from({ length: k * cols }, () => 4 * rng());
		const wasm = new CentroidBlock(data, rows, cols, k);
		const wasmSums = wasm.pass(centroids);
		const plain = new CentroidBlock(data, rows, cols, k);
		(plain as unknown as { exports: null }).exports = null;
		expect(plain.pass(centroids)).toEqual(wasmSums);
		expect(Array.from(plain.labels)).toEqual(Array.from(wasm.labels));
		expect(Array.from(plain.distances)).toEqual(Array.from(wasm.distances));
		for (let r = 0; r < rows; r += 97) {
			const exact = Array.from({ length: k }, (_, j) => {
				let d = 0;
				for (let c = 0; c < cols; c++) d += (data[r * cols + c] - centroids[j * cols + c]) ** 2;
				return d;
			});
			const nearest = Math.min(...exact);
			expect(Math.abs(wasm.distances[r] - nearest)).toBeLessThan(1e-5 * nearest + 1e-6);
			expect(exact[wasm.labels[r]]).toBeLessThan(nearest * (1 + 1e-5) + 1e-6);
		}
	});
});

describe('a block too large for the tab', () => {
	it('says how much memory k-means needs and what to do, as an input error (not blamed on the backend)', () => {
		let thrown: unknown;
		try {
			new CentroidBlock(new Float32Array(0), 300_000_000, 5, 4);
		} catch (e) {
			thrown = e;
		}
		expect(isInputError(thrown)).toBe(true);
		expect((thrown as Error).message).toMatch(/^k-means needs [\d,]+ MB for 300,000,000 rows × 5 columns, more than this tab can reserve: choose fewer columns or segment a sample/);
	});
});
