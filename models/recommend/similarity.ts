/**
 * Item–item similarity from co-ownership counts: with n_i customers owning i,
 * c_ij owning both and N customers,
 *   cosine  = c_ij / √(n_i n_j)
 *   jaccard = c_ij / (n_i + n_j − c_ij)
 *   lift    = c_ij N / (n_i n_j)
 * The diagonal is 0 (an item does not recommend itself).
 */

export const SIMILARITIES = ['cosine', 'jaccard', 'lift'] as const;
export type Similarity = (typeof SIMILARITIES)[number];

/** Co-ownership counts: `counts[i * items + j]` customers own both (the diagonal: owners of i). */
export function coOwnership(owned: Uint8Array, users: number, items: number): Float64Array {
	const counts = new Float64Array(items * items);
	const mine = new Int32Array(items);
	for (let u = 0; u < users; u++) {
		let n = 0;
		for (let j = 0; j < items; j++) if (owned[u * items + j]) mine[n++] = j;
		for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) counts[mine[a] * items + mine[b]]++;
	}
	return counts;
}

/** The `items × items` similarity matrix of one measure (0 where an item has no owner). */
export function itemSimilarity(counts: Float64Array, items: number, users: number, measure: Similarity): Float64Array {
	const sim = new Float64Array(items * items);
	for (let i = 0; i < items; i++) {
		const ni = counts[i * items + i];
		for (let j = 0; j < items; j++) {
			const nj = counts[j * items + j];
			const c = counts[i * items + j];
			if (i === j || ni === 0 || nj === 0) continue;
			sim[i * items + j] = measure === 'cosine' ? c / Math.sqrt(ni * nj) : measure === 'jaccard' ? c / (ni + nj - c) : (c * users) / (ni * nj);
		}
	}
	return sim;
}
