/**
 * The hybrid: a weighted sum of the models' standardised scores. Each model's
 * scores are centred and scaled over the (customer, not-owned item) pairs, an
 * order-preserving change, so a weight of 1 on one model ranks exactly as that
 * model does; the tuned weights therefore never do worse on the validation
 * customers than the best single model (every one-model blend is in the grid).
 */
import type { HiddenItems } from './holdout';
import { hitRateAndNdcg } from './metrics';
import type { Scores } from './rank';

/** Scores standardised over the not-owned cells: (s − mean) / sd (sd 1 when constant). */
export function standardise(scores: Scores, owned: Uint8Array): Float64Array {
	let n = 0;
	let sum = 0;
	let sq = 0;
	for (let c = 0; c < scores.length; c++) {
		if (owned[c] || Number.isNaN(scores[c])) continue;
		n++;
		sum += scores[c];
		sq += scores[c] * scores[c];
	}
	const mean = n ? sum / n : 0;
	const sd = n ? Math.sqrt(Math.max(0, sq / n - mean * mean)) : 0;
	const scale = sd > 1e-12 ? 1 / sd : 1;
	const z = new Float64Array(scores.length);
	for (let c = 0; c < scores.length; c++) z[c] = (scores[c] - mean) * scale;
	return z;
}

/** Σ weight × standardised score (float64: a one-model blend keeps that model's exact order). */
export function blendScores(standardised: Float64Array[], weights: number[]): Float64Array {
	const cells = standardised[0]?.length ?? 0;
	const out = new Float64Array(cells);
	standardised.forEach((z, m) => {
		const w = weights[m];
		if (w) for (let c = 0; c < cells; c++) out[c] += w * z[c];
	});
	return out;
}

/** Every weight vector of `members` on the simplex with step 1/steps (the corners included). */
export function weightGrid(members: number, steps: number): number[][] {
	const grid: number[][] = [];
	const walk = (prefix: number[], left: number) => {
		if (prefix.length === members - 1) return grid.push([...prefix, left].map((w) => w / steps));
		for (let w = left; w >= 0; w--) walk([...prefix, w], left - w);
	};
	walk([], steps);
	return grid;
}

/** The weights with the best validation hit rate@k (NDCG breaks ties; earlier grid points win exact ties). */
export function tuneWeights(standardised: Float64Array[], train: Uint8Array, items: number, validation: HiddenItems, k: number): { weights: number[]; hitRate: number; ndcg: number } {
	const cells = train.length;
	const steps = standardised.length <= 1 ? 1 : cells * standardised.length > 4_000_000 ? 4 : 10;
	let best = { weights: [] as number[], hitRate: -1, ndcg: -1 };
	for (const weights of weightGrid(standardised.length, steps)) {
		const q = hitRateAndNdcg(blendScores(standardised, weights), train, items, validation, k);
		if (q.hitRate > best.hitRate + 1e-12 || (Math.abs(q.hitRate - best.hitRate) <= 1e-12 && q.ndcg > best.ndcg + 1e-12)) best = { weights, ...q };
	}
	return best;
}

/** The blend as text, e.g. "0.6 × Item similarity + 0.4 × Propensity (scores standardised over the items not owned)". */
export function blendFormula(labels: string[], weights: number[]): string {
	const terms = labels.map((label, m) => ({ label, w: weights[m] })).filter((t) => t.w !== 0);
	if (terms.length === 0) return 'no model weighted';
	return `${terms.map((t) => `${Number(t.w.toFixed(3))} × ${t.label}`).join(' + ')} (each score standardised over the items the customer does not own)`;
}
