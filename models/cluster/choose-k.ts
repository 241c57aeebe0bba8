/**
 * Choosing the number of segments: fit k-means for each k in a range, score
 * each by inertia and silhouette, and suggest the k with the highest
 * silhouette, with one sentence that says why (and where the inertia elbow is).
 */
import type { DenseMatrix } from './distances';
import { kmeans, type KMeansOptions, type KMeansResult } from './kmeans';
import { silhouette, type SilhouetteOptions } from './silhouette';

export interface KCandidate {
	k: number;
	inertia: number;
	silhouette: number;
	/** Rows the silhouette was computed on (a sample above 10,000 rows). */
	silhouetteRows: number;
	fitMs: number;
	model: KMeansResult;
}

export interface ChooseKResult {
	candidates: KCandidate[];
	suggested: number;
	/** e.g. "k = 4 has the highest silhouette (0.224); the elbow flattens after 4." */
	reason: string;
	/** The k where the inertia curve bends most (farthest from the chord between its ends). */
	elbow: number;
}

export interface ChooseKOptions extends Omit<KMeansOptions, 'k' | 'init'> {
	/** Smallest and largest k tried. Default 2 .. 10. */
	minK?: number;
	maxK?: number;
	silhouette?: SilhouetteOptions;
	/** Called after each k (for progress bars); throwing from it stops the search. */
	onCandidate?: (candidate: KCandidate, done: number, total: number) => void;
}

/** The elbow of a decreasing curve: the point farthest below the straight line joining its ends. */
export function elbowOf(ks: number[], inertias: number[]): number {
	const n = ks.length;
	if (n < 3) return ks[0];
	const [x0, x1, y0, y1] = [ks[0], ks[n - 1], inertias[0], inertias[n - 1]];
	let best = 0;
	let bestGap = -Infinity;
	for (let i = 1; i < n - 1; i++) {
		// Both axes scaled to 0..1 so the bend does not depend on the units of inertia.
		const x = (ks[i] - x0) / (x1 - x0 || 1);
		const y = (inertias[i] - y1) / (y0 - y1 || 1);
		const gap = 1 - x - y;
		if (gap > bestGap) [best, bestGap] = [i, gap];
	}
	return ks[best];
}

/**
 * Fits k-means for every k in [minK, maxK] and suggests the best by silhouette.
 * @example (await chooseK(prepared, {seed: 42})).reason
 */
export async function chooseK(matrix: DenseMatrix, options: ChooseKOptions = {}): Promise<ChooseKResult> {
	const minK = options.minK ?? 2;
	const maxK = Math.min(options.maxK ?? 10, matrix.rows - 1);
	if (!(Number.isInteger(minK) && minK >= 2)) throw new Error(`invalid minK: ${minK}`);
	if (!(Number.isInteger(maxK) && maxK >= minK)) throw new Error(`invalid maxK: ${options.maxK ?? 10} (with ${matrix.rows} rows and minK ${minK})`);
	const { minK: _min, maxK: _max, silhouette: silhouetteOptions, onCandidate, ...fitOptions } = options;
	const candidates: KCandidate[] = [];
	for (let k = minK; k <= maxK; k++) {
		const started = performance.now();
		const model = await kmeans(matrix, { ...fitOptions, k });
		const fitMs = performance.now() - started;
		const score = silhouette(matrix, model.labels, { seed: options.seed, ...silhouetteOptions });
		const candidate = { k, inertia: model.inertia, silhouette: score.score, silhouetteRows: score.sampleSize, fitMs, model };
		candidates.push(candidate);
		onCandidate?.(candidate, k - minK + 1, maxK - minK + 1);
	}
	const best = candidates.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
	const elbow = elbowOf(
		candidates.map((c) => c.k),
		candidates.map((c) => c.inertia)
	);
	const sampled = best.silhouetteRows < matrix.rows ? ` on a sample of ${best.silhouetteRows.toLocaleString('en')} rows` : '';
	const elbowText = candidates.length < 3 ? '' : elbow === best.k ? `; the elbow of the inertia curve is also at ${elbow}` : `; the elbow flattens after ${elbow}`;
	const reason = `k = ${best.k} has the highest silhouette (${best.silhouette.toFixed(3)})${sampled}${elbowText}.`;
	return { candidates, suggested: best.k, reason, elbow };
}
