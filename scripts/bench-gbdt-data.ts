/**
 * The boosted-tree benchmarks' synthetic task (Node: bench.ts, Chromium:
 * bench-gbdt-page.ts): scikit-learn make_classification-like rows, the same
 * for a seed wherever they are drawn.
 */
import { createRng } from '../models/shared';
import type { Features } from '../models';

/** make_classification-like data, one Float64Array per column. */
export function makeClassification(rows: number, cols: number, seed: number): { X: Float64Array[]; y: Int32Array } {
	const rng = createRng(seed);
	const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
	const informative = Math.min(10, cols);
	const redundant = Math.min(10, cols - informative);
	const clusters = 4; // 2 classes × 2 clusters
	const centroids = Array.from({ length: clusters }, () => Array.from({ length: informative }, () => (rng() < 0.5 ? -1 : 1)));
	const mixing = Array.from({ length: clusters }, () => Array.from({ length: informative * informative }, () => 2 * rng() - 1));
	const B = Array.from({ length: informative * redundant }, () => 2 * rng() - 1);
	const X = Array.from({ length: cols }, () => new Float64Array(rows));
	const y = new Int32Array(rows);
	const z = new Float64Array(informative);
	const v = new Float64Array(informative);
	for (let r = 0; r < rows; r++) {
		const c = r % clusters;
		y[r] = c % 2;
		for (let i = 0; i < informative; i++) z[i] = normal();
		const A = mixing[c];
		for (let i = 0; i < informative; i++) {
			let s = centroids[c][i];
			for (let j = 0; j < informative; j++) s += z[j] * A[j * informative + i];
			v[i] = s;
			X[i][r] = s;
		}
		for (let j = 0; j < redundant; j++) {
			let s = 0;
			for (let i = 0; i < informative; i++) s += v[i] * B[i * redundant + j];
			X[informative + j][r] = s;
		}
		for (let j = informative + redundant; j < cols; j++) X[j][r] = normal();
		if (rng() < 0.01) y[r] = rng() < 0.5 ? 0 : 1;
	}
	// Shuffle rows so clusters are interleaved randomly.
	for (let r = rows - 1; r > 0; r--) {
		const j = Math.floor(rng() * (r + 1));
		for (const col of X) [col[r], col[j]] = [col[j], col[r]];
		[y[r], y[j]] = [y[j], y[r]];
	}
	return { X, y };
}


export function features(X: Float64Array[], from: number, to: number): Features {
	return { rows: to - from, columns: X.map((col, i) => ({ name: `x${i}`, kind: 'numeric' as const, values: col.slice(from, to) })) };
}
