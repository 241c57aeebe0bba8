/**
 * One ranking rule for every model: among the items a customer does not own,
 * higher score first, ties by catalogue order (NaN counts as lowest). The
 * evaluation and the recommendations both use it, so they never disagree.
 */

/** A model's scores, `users × items` (float64 for blends, whose order must not be rounded away). */
export type Scores = Float32Array | Float64Array;

const value = (s: number) => (Number.isNaN(s) ? -Infinity : s);

/** True when item `a` ranks before item `b` for scores `sa`, `sb`. */
export function ranksBefore(sa: number, a: number, sb: number, b: number): boolean {
	const x = value(sa);
	const y = value(sb);
	return x > y || (x === y && a < b);
}

/**
 * 0-based rank of `item` among customer `user`'s candidates (items with `owned` 0):
 * how many candidates rank before it.
 */
export function rankOf(scores: Scores, owned: Uint8Array, items: number, user: number, item: number): number {
	const base = user * items;
	const s = scores[base + item];
	let rank = 0;
	for (let j = 0; j < items; j++) if (j !== item && owned[base + j] === 0 && ranksBefore(scores[base + j], j, s, item)) rank++;
	return rank;
}

/**
 * The `n` best candidates of each customer of `users` (all when omitted): item indexes and
 * scores, flat `users × n`, padded with -1 / NaN when a customer has fewer candidates.
 */
export function topCandidates(scores: Scores, owned: Uint8Array, items: number, n: number, users?: ArrayLike<number>): { item: Int32Array; score: Float32Array } {
	const count = users ? users.length : owned.length / items;
	const item = new Int32Array(count * n).fill(-1);
	const score = new Float32Array(count * n).fill(NaN);
	const taken = new Uint8Array(items);
	for (let r = 0; r < count; r++) {
		const base = (users ? users[r] : r) * items;
		taken.fill(0);
		for (let slot = 0; slot < n; slot++) {
			let best = -1;
			for (let j = 0; j < items; j++) {
				if (owned[base + j] || taken[j]) continue;
				if (best < 0 || ranksBefore(scores[base + j], j, scores[base + best], best)) best = j;
			}
			if (best < 0) break;
			taken[best] = 1;
			item[r * n + slot] = best;
			score[r * n + slot] = scores[base + best];
		}
	}
	return { item, score };
}
