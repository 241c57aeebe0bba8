/**
 * Two-dimensional PCA of a prepared matrix, for cluster maps: the covariance
 * (cols × cols, small) by one pass over the rows, then its top two
 * eigenvectors by power iteration with deflation. Signs are fixed (largest
 * loading positive) so the same data always draws the same map.
 */
import type { DenseMatrix } from './distances';

export interface Pca2d {
	/** Row-major 2 × cols unit vectors. */
	components: Float64Array;
	/** Variance along each component, and its share of the total. */
	variance: [number, number];
	explainedRatio: [number, number];
	mean: Float64Array;
	/** Row-major rows × 2 coordinates of each row. */
	coordinates: Float32Array;
}

const MAX_POWER_STEPS = 1000;

function topEigenvector(cov: Float64Array, cols: number): { vector: Float64Array; value: number } {
	// Start from a fixed non-degenerate vector: deterministic, and unlikely orthogonal to the answer.
	let v = Float64Array.from({ length: cols }, (_, i) => 1 + i / cols);
	let value = 0;
	for (let step = 0; step < MAX_POWER_STEPS; step++) {
		const w = new Float64Array(cols);
		for (let i = 0; i < cols; i++) for (let j = 0; j < cols; j++) w[i] += cov[i * cols + j] * v[j];
		const norm = Math.hypot(...w);
		if (norm === 0) return { vector: v.map(() => 0), value: 0 };
		for (let i = 0; i < cols; i++) w[i] /= norm;
		const delta = w.reduce((s, x, i) => s + Math.abs(x - v[i]), 0);
		v = w;
		value = norm;
		if (delta < 1e-12 * cols) break;
	}
	const largest = v.reduce((best, x, i) => (Math.abs(x) > Math.abs(v[best]) ? i : best), 0);
	if (v[largest] < 0) v = v.map((x) => -x);
	return { vector: v, value };
}

/** The first two principal components of `matrix` and every row's coordinates on them. */
export function pca2d(matrix: DenseMatrix): Pca2d {
	const { data, rows, cols } = matrix;
	if (rows < 2 || cols < 1) throw new Error(`invalid matrix: ${rows} × ${cols} (PCA needs at least 2 rows)`);
	const mean = new Float64Array(cols);
	for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) mean[c] += data[r * cols + c] / rows;
	const cov = new Float64Array(cols * cols);
	const centred = new Float64Array(cols);
	for (let r = 0; r < rows; r++) {
		for (let c = 0; c < cols; c++) centred[c] = data[r * cols + c] - mean[c];
		for (let i = 0; i < cols; i++) for (let j = i; j < cols; j++) cov[i * cols + j] += centred[i] * centred[j];
	}
	let total = 0;
	for (let i = 0; i < cols; i++) {
		for (let j = i; j < cols; j++) cov[j * cols + i] = cov[i * cols + j] /= rows - 1;
		total += cov[i * cols + i];
	}
	const first = topEigenvector(cov, cols);
	// Deflate: remove the first component's variance so power iteration finds the second.
	for (let i = 0; i < cols; i++) for (let j = 0; j < cols; j++) cov[i * cols + j] -= first.value * first.vector[i] * first.vector[j];
	const second = cols > 1 ? topEigenvector(cov, cols) : { vector: new Float64Array(cols), value: 0 };
	const components = new Float64Array(2 * cols);
	components.set(first.vector, 0);
	components.set(second.vector, cols);
	const coordinates = new Float32Array(rows * 2);
	for (let r = 0; r < rows; r++) {
		let a = 0;
		let b = 0;
		for (let c = 0; c < cols; c++) {
			const v = data[r * cols + c] - mean[c];
			a += v * first.vector[c];
			b += v * second.vector[c];
		}
		coordinates[r * 2] = a;
		coordinates[r * 2 + 1] = b;
	}
	const ratio = (v: number) => (total > 0 ? v / total : 0);
	return { components, variance: [first.value, second.value], explainedRatio: [ratio(first.value), ratio(second.value)], mean, coordinates };
}
