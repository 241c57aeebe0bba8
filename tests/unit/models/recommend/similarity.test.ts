/** Item similarity, hit rate, NDCG and coverage on hand-made matrices with known answers. */
import { describe, expect, it } from 'vitest';
import { coOwnership, coverage, hitRateAndNdcg, itemKnnModel, itemSimilarity, topCandidates } from '../../../../models/recommend';
import { dataOf } from './fixture';

// Customers × items: n = [3, 3, 2]; both 0 and 1: 2; both 0 and 2: 2; both 1 and 2: 1; N = 4.
const OWNED = Uint8Array.from([1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0]);

describe('itemSimilarity(counts, 3, 4, measure)', () => {
	const counts = coOwnership(OWNED, 4, 3);

	it('coOwnership counts owners on the diagonal and pairs off it', () => {
		expect(Array.from(counts)).toEqual([3, 2, 2, 2, 3, 1, 2, 1, 2]);
	});

	it.each([
		['cosine', [2 / 3, 2 / Math.sqrt(6), 1 / Math.sqrt(6)]],
		['jaccard', [0.5, 2 / 3, 0.25]],
		['lift', [8 / 9, 4 / 3, 2 / 3]]
	] as const)('%s gives the textbook values, symmetric, with a zero diagonal', (measure, [s01, s02, s12]) => {
		const sim = itemSimilarity(counts, 3, 4, measure);
		expect(sim[1]).toBeCloseTo(s01, 12);
		expect(sim[2]).toBeCloseTo(s02, 12);
		expect(sim[5]).toBeCloseTo(s12, 12);
		for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(sim[i * 3 + j]).toBe(i === j ? 0 : sim[j * 3 + i]);
	});

	it('itemKnnModel.score sums the similarities of the owned items', async () => {
		const data = dataOf({ users: ['a', 'b', 'c', 'd'], items: ['x', 'y', 'z'], owned: OWNED });
		const state = await itemKnnModel.fit(data, { similarity: 'jaccard' }, { seed: 1 });
		const scores = await itemKnnModel.score(state, data);
		// Customer d owns only y: x scores jaccard(y, x) = 0.5, z scores jaccard(y, z) = 0.25.
		expect(scores[9]).toBeCloseTo(0.5, 6);
		expect(scores[11]).toBeCloseTo(0.25, 6);
	});
});

describe('hitRateAndNdcg(scores, train, 4, split, 2) and coverage', () => {
	// Customer 0 owns item 0, item 1 hidden: candidates rank 2 (0.7), 1 (0.5), 3 → rank 1, a hit.
	// Customer 1 owns item 3, item 2 hidden: candidates rank 1 (0.9), 0 (0.2), 2 (0.1) → rank 2, a miss at k = 2.
	const scores = Float32Array.from([9, 0.5, 0.7, 0.1, 0.2, 0.9, 0.1, 0.8]);
	const train = Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 1]);
	const split = { users: Int32Array.from([0, 1]), hidden: Int32Array.from([1, 2]) };

	it('hit rate 1/2, NDCG (1 / log2 3) / 2', () => {
		const q = hitRateAndNdcg(scores, train, 4, split, 2);
		expect(q.hitRate).toBe(0.5);
		expect(q.ndcg).toBeCloseTo(1 / Math.log2(3) / 2, 12);
		expect(hitRateAndNdcg(scores, train, 4, split, 3)).toEqual({ hitRate: 1, ndcg: (1 / Math.log2(3) + 1 / Math.log2(4)) / 2 });
	});

	it('coverage: the top 2 of both customers reach items 0, 1, 2 of 4', () => {
		expect(coverage(scores, train, 4, split.users, 2)).toBe(0.75);
	});

	it('topCandidates skips owned items, breaks ties by catalogue order and pads with -1', () => {
		const tied = Float32Array.from([1, 1, 1, 1]);
		expect(Array.from(topCandidates(tied, Uint8Array.from([0, 1, 0, 0]), 4, 2).item)).toEqual([0, 2]);
		expect(Array.from(topCandidates(tied, Uint8Array.from([1, 1, 1, 0]), 4, 2).item)).toEqual([3, -1]);
	});
});
