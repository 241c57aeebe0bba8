/**
 * Hit rate@k, NDCG@k and catalogue coverage of a model's scores on hidden
 * items: only the items a customer does not own (the hidden one included) are
 * ranked.
 */
import type { HiddenItems } from './holdout';
import { rankOf, topCandidates, type Scores } from './rank';

export interface RankingQuality {
	hitRate: number;
	ndcg: number;
	coverage: number;
	users: number;
}

/** Hit rate@k and NDCG@k (one relevant item: 1 / log2(rank + 2) when in the top k). */
export function hitRateAndNdcg(scores: Scores, train: Uint8Array, items: number, split: HiddenItems, k: number): { hitRate: number; ndcg: number } {
	let hits = 0;
	let gain = 0;
	for (let i = 0; i < split.users.length; i++) {
		const rank = rankOf(scores, train, items, split.users[i], split.hidden[i]);
		if (rank < k) {
			hits++;
			gain += 1 / Math.log2(rank + 2);
		}
	}
	const n = split.users.length;
	return { hitRate: n ? hits / n : 0, ndcg: n ? gain / n : 0 };
}

/** Share of the `items` that reach at least one of the customers' top k. */
export function coverage(scores: Scores, train: Uint8Array, items: number, users: ArrayLike<number>, k: number): number {
	const seen = new Uint8Array(items);
	for (const j of topCandidates(scores, train, items, k, users).item) if (j >= 0) seen[j] = 1;
	return seen.reduce((a, b) => a + b, 0) / items;
}

/** All three figures for one split. */
export function rankingQuality(scores: Scores, train: Uint8Array, items: number, split: HiddenItems, k: number): RankingQuality {
	return { ...hitRateAndNdcg(scores, train, items, split, k), coverage: coverage(scores, train, items, split.users, k), users: split.users.length };
}
