import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adjustedRandIndex, assignToNearest, chooseK, kmeans, pca2d, prepareClusterMatrix, silhouette, type DenseMatrix } from '../../../../models/cluster';
import { createRng } from '../../../../models/shared/random';

beforeAll(async () => {
	await tf.setBackend('cpu');
	await tf.ready();
});

/** Well-separated Gaussian blobs (sd 0.3, centres 10 apart) and their true labels. */
function blobs(rows: number, k: number, cols: number, seed: number): { matrix: DenseMatrix; truth: Int32Array } {
	const rng = createRng(seed);
	const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
	const data = new Float32Array(rows * cols);
	const truth = new Int32Array(rows);
	for (let r = 0; r < rows; r++) {
		truth[r] = r % k;
		for (let c = 0; c < cols; c++) data[r * cols + c] = (c === truth[r] % cols ? 10 * (1 + Math.floor(truth[r] / cols)) : 0) + 0.3 * normal();
	}
	return { matrix: { data, rows, cols }, truth };
}

/** Silhouette straight from the definition, O(n²) with no tricks. */
function naiveSilhouette(m: DenseMatrix, labels: Int32Array): number {
	const dist = (i: number, j: number) => Math.hypot(...Array.from({ length: m.cols }, (_, c) => m.data[i * m.cols + c] - m.data[j * m.cols + c]));
	const k = Math.max(...labels) + 1;
	let total = 0;
	for (let i = 0; i < m.rows; i++) {
		const sums = new Array(k).fill(0);
		const counts = new Array(k).fill(0);
		for (let j = 0; j < m.rows; j++) if (j !== i) (sums[labels[j]] += dist(i, j)), counts[labels[j]]++;
		if (counts[labels[i]] === 0) continue;
		const a = sums[labels[i]] / counts[labels[i]];
		const b = Math.min(...sums.map((s, c) => (c === labels[i] || counts[c] === 0 ? Infinity : s / counts[c])));
		total += (b - a) / Math.max(a, b);
	}
	return total / m.rows;
}

describe('kmeans', () => {
	it.each([
		{ k: 3, cols: 2 },
		{ k: 5, cols: 4 }
	])('kmeans(blobs, {k: $k}) recovers the blobs exactly (ARI 1)', async ({ k, cols }) => {
		const { matrix, truth } = blobs(600, k, cols, 7);
		const model = await kmeans(matrix, { k, seed: 1 });
		expect(adjustedRandIndex(model.labels, truth)).toBe(1);
		expect(model.centroids.length).toBe(k * cols);
	});

	it('kmeans(data, {seed: 3}) is deterministic', async () => {
		const { matrix } = blobs(400, 4, 3, 2);
		const a = await kmeans(matrix, { k: 6, seed: 3, restarts: 3 });
		const b = await kmeans(matrix, { k: 6, seed: 3, restarts: 3 });
		expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
		expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
		expect(a.inertia).toBe(b.inertia);
	});

	it('kmeans(data, {init: far-away centroid}) never returns an empty cluster', async () => {
		const { matrix } = blobs(300, 3, 2, 4);
		// The third centroid starts far from every row: the first assignment leaves it empty.
		const init = Float32Array.from([10, 0, 0, 10, 1000, 1000]);
		const model = await kmeans(matrix, { k: 3, init });
		const counts = [0, 0, 0];
		for (const l of model.labels) counts[l]++;
		expect(Math.min(...counts)).toBeGreaterThan(0);
	});

	it('kmeans(big blobs, {miniBatch: true}) recovers the blobs', async () => {
		const { matrix, truth } = blobs(20_000, 4, 4, 5);
		const model = await kmeans(matrix, { k: 4, seed: 2, miniBatch: true, batchSize: 1024, restarts: 3 });
		expect(adjustedRandIndex(model.labels, truth)).toBe(1);
	});

	it('kmeans and assignToNearest leave no tensors behind', async () => {
		const { matrix } = blobs(300, 3, 2, 6);
		const before = tf.memory().numTensors;
		const model = await kmeans(matrix, { k: 3, seed: 1, restarts: 2 });
		await kmeans(matrix, { k: 3, seed: 1, miniBatch: true, batchSize: 64, restarts: 2 });
		assignToNearest(matrix, model);
		expect(tf.memory().numTensors).toBe(before);
	});

	it('assignToNearest(newRows, model) picks the nearest centroid', () => {
		const model = { k: 2, centroids: Float32Array.from([0, 0, 10, 10]) };
		const rows = { data: Float32Array.from([1, 1, 9, 8, -3, 2, 6, 6]), rows: 4, cols: 2 };
		expect(Array.from(assignToNearest(rows, model).labels)).toEqual([0, 1, 0, 1]);
		expect(assignToNearest(rows, model).distances[0]).toBeCloseTo(2, 5);
	});

	it.each([[{ k: 0 }], [{ k: 2.5 }], [{ k: 1000 }], [{ k: 2, restarts: 0 }]])('kmeans(data, %o) throws', async (opts) => {
		await expect(kmeans(blobs(30, 2, 2, 1).matrix, opts)).rejects.toThrow(/invalid/);
	});
});

describe('silhouette', () => {
	it('silhouette(data, labels) matches the O(n²) definition', () => {
		const rng = createRng(9);
		const matrix = { data: Float32Array.from({ length: 123 * 5 }, () => rng()), rows: 123, cols: 5 };
		const labels = Int32Array.from({ length: 123 }, (_, i) => (i === 0 ? 3 : Math.floor(rng() * 3)));
		const result = silhouette(matrix, labels);
		expect(result.score).toBeCloseTo(naiveSilhouette(matrix, labels), 6);
		expect(result.values.length).toBe(123);
		expect(result.values[0]).toBe(0); // alone in cluster 3
	});

	it('silhouette(data, labels, {maxRows}) samples and reports the sample size', () => {
		const { matrix, truth } = blobs(500, 3, 2, 3);
		const result = silhouette(matrix, truth, { maxRows: 200, seed: 1 });
		expect(result).toMatchObject({ sampled: true, sampleSize: 200 });
		expect(result.score).toBeGreaterThan(0.9);
	});
});

describe('chooseK and pca2d', () => {
	it('chooseK(4 blobs) suggests 4 and says why', async () => {
		const { matrix } = blobs(400, 4, 4, 8);
		const result = await chooseK(matrix, { minK: 2, maxK: 6, seed: 1, restarts: 3 });
		expect(result.suggested).toBe(4);
		expect(result.reason).toMatch(/^k = 4 has the highest silhouette/);
		expect(result.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
	});

	it('pca2d(rank-1 data) finds its direction', () => {
		const direction = [1, 2, -2].map((v) => v / 3);
		const rng = createRng(4);
		const data = new Float32Array(200 * 3);
		for (let r = 0; r < 200; r++) {
			const t = 5 * (rng() - 0.5);
			for (let c = 0; c < 3; c++) data[r * 3 + c] = 1 + t * direction[c];
		}
		const pca = pca2d({ data, rows: 200, cols: 3 });
		const cos = direction.reduce((s, v, c) => s + v * pca.components[c], 0);
		expect(Math.abs(cos)).toBeCloseTo(1, 5);
		expect(pca.explainedRatio[0]).toBeCloseTo(1, 5);
	});

	it('prepareClusterMatrix(features) standardizes numerics and one-hots every level', () => {
		const X = {
			rows: 4,
			columns: [
				{ name: 'tenure', kind: 'numeric' as const, values: Float64Array.from([1, 3, NaN, 5]) },
				{ name: 'plan', kind: 'categorical' as const, codes: Int32Array.from([0, 1, 2, 0]), levels: ['basic', 'pro', 'rare'] }
			]
		};
		const m = prepareClusterMatrix(X);
		expect(m.names).toEqual(['tenure', 'plan=basic', 'plan=pro', 'plan=rare']);
		// Median 3 imputed, then population standardization: mean 3, std 1.414.
		expect(m.data[2 * m.cols]).toBeCloseTo(0, 6);
		expect(m.data[3 * m.cols]).toBeCloseTo(Math.SQRT2, 5);
	});
});
