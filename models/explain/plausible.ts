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
	const codes = new Map(columns.map((i) => [i, (seen.columns[i] as { codes: Int32Array }).codes]));
	const width = new Map(columns.map((i) => [i, Math.max(1, (seen.columns[i] as { levels: string[] }).levels.length)]));
	// One set of numbers per pair of columns (a × levels of j + b): a whole table's pairs without string keys.
	const pairs = new Map<number, Set<number>>();
	const n = seen.columns.length;
	for (const i of columns) {
		for (const j of columns) {
			if (j <= i) continue;
			const set = new Set<number>();
			const a = codes.get(i)!;
			const b = codes.get(j)!;
			const w = width.get(j)!;
			for (let r = 0; r < seen.rows; r++) if (a[r] >= 0 && b[r] >= 0) set.add(a[r] * w + b[r]);
			pairs.set(i * n + j, set);
		}
	}
	const has = (i: number, a: number, j: number, b: number) => pairs.get(i * n + j)?.has(a * width.get(j)! + b) ?? false;
	return { columns, has: (i, a, j, b) => (i < j ? has(i, a, j, b) : has(j, b, i, a)) };
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
