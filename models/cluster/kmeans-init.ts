/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, as scikit-learn does it):
 * each new centroid is the best of 2 + ln k candidates drawn with probability
 * proportional to the squared distance to the nearest centroid so far. The
 * greedy trials are what make 10 restarts land in sklearn's optima reliably.
 * Plain float64 loops over the rows: one distance per row and candidate is
 * all it needs, and on 1,000,000 × 16 rows they took ~0.5 s where the same
 * seeding as tensor ops took ~3.5 s (a matrix product per candidate, each
 * read back).
 */
import { randomInt } from '../shared/random';

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

/** out[r] = squared distance from row r of `host` (rows × cols) to `point`. */
function distancesTo(host: Float32Array, cols: number, point: Float32Array, out: Float64Array): void {
	for (let r = 0, at = 0; r < out.length; r++, at += cols) {
		let d = 0;
		for (let c = 0; c < cols; c++) {
			const diff = host[at + c] - point[c];
			d += diff * diff;
		}
		out[r] = d;
	}
}

/** k-means++ centroids (k × cols, row-major) for the `rows` rows of `host` (rows × cols, row-major). */
export function kmeansPlusPlus(host: Float32Array, rows: number, cols: number, k: number, rng: () => number): Float32Array {
	const trials = 2 + Math.floor(Math.log(k));
	const row = (r: number) => host.subarray(r * cols, (r + 1) * cols);
	const centroids = new Float32Array(k * cols);
	centroids.set(row(randomInt(rng, rows)), 0);
	let closest = new Float64Array(rows);
	distancesTo(host, cols, centroids.subarray(0, cols), closest);
	const cumulative = new Float64Array(rows);
	// Distance of every row to its nearest centroid if each candidate were added.
	const nearest = Array.from({ length: trials }, () => new Float64Array(rows));
	for (let c = 1; c < k; c++) {
		let potential = 0;
		for (let r = 0; r < rows; r++) cumulative[r] = potential += closest[r];
		const candidates = Array.from({ length: trials }, () => searchCumulative(cumulative, rng() * potential));
		const potentials = candidates.map((candidate, t) => {
			const out = nearest[t];
			distancesTo(host, cols, row(candidate), out);
			let sum = 0;
			for (let r = 0; r < rows; r++) sum += out[r] = Math.min(out[r], closest[r]);
			return sum;
		});
		let pick = 0;
		for (let t = 1; t < trials; t++) if (potentials[t] < potentials[pick]) pick = t;
		[closest, nearest[pick]] = [nearest[pick], closest];
		centroids.set(row(candidates[pick]), c * cols);
	}
	return centroids;
}
