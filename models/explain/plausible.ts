/**
 * Which combinations of categorical values real customers have: a change a
 * counterfactual proposes must not create a pair of values that no customer
 * of the data shows (internet_service = DSL with online_security = "No
 * internet service"). Pairs, not whole rows: a sample holds few of the
 * possible rows, but nearly every pair that exists.
 */
import type { Features } from '../types';

/** Seen pairs of categorical codes, per pair of columns. */
export interface PairsSeen {
	/** `true` when codes `a` of column `i` and `b` of column `j` appear together in some row. */
	has(i: number, a: number, j: number, b: number): boolean;
	/** Categorical columns the pairs are known for. */
	columns: number[];
}

/** The pairs of categorical values present in the rows of `seen`. */
export function pairsSeen(seen: Features): PairsSeen {
	const columns = seen.columns.flatMap((c, i) => (c.kind === 'categorical' ? [i] : []));
	const pairs = new Set<string>();
	for (let r = 0; r < seen.rows; r++) {
		for (const i of columns) {
			const a = (seen.columns[i] as { codes: Int32Array }).codes[r];
			if (a < 0) continue;
			for (const j of columns) {
				if (j <= i) continue;
				const b = (seen.columns[j] as { codes: Int32Array }).codes[r];
				if (b >= 0) pairs.add(`${i}:${a}|${j}:${b}`);
			}
		}
	}
	return {
		columns,
		has: (i, a, j, b) => (i < j ? pairs.has(`${i}:${a}|${j}:${b}`) : pairs.has(`${j}:${b}|${i}:${a}`))
	};
}

/**
 * Whether a row whose categorical codes are `code(column)` (-1 = missing or
 * not categorical) pairs each of its `changed` columns' values with every
 * other categorical value as some real customer does: the rule of the
 * counterfactual search, and of next-best offers (never an internet add-on
 * for a customer without internet).
 */
export function plausibleCodes(seen: PairsSeen, code: (column: number) => number, changed: number[]): boolean {
	return changed.every((column) => {
		const a = code(column);
		if (a < 0) return true;
		return seen.columns.every((other) => {
			if (other === column) return true;
			const b = code(other);
			return b < 0 || seen.has(column, a, other, b);
		});
	});
}
