/**
 * Rows of a table as integer columns, and one split's decision for all of
 * them at once: the batched explainers send every row through a node in one
 * tight loop over a column instead of one row at a time through the whole
 * tree. Numeric values become their rank among the column's distinct values
 * (x < threshold ⇔ rank < the threshold's rank) and categories their code,
 * so a decision is integer arithmetic without branches (at most nodes the
 * rows' decisions come in no order: a branch per row would mispredict about
 * half the time). Decisions
 * follow scoring exactly (`goesLeft`): missing → defaultLeft, categorical →
 * left-set membership, numeric → x < threshold.
 *
 * The block's rows are sorted by the features the trees split on most, so
 * rows alike sit together and mostly look up the same memoised entries one
 * after the other (in cache): on the telco forest ~10% faster than table order.
 */
import type { TreeEnsemble } from '../shared/tree';

export interface RowBlock {
	/** First row (in the caller's row numbering) and row count. */
	from: number;
	rows: number;
	/** Block row i is the caller's row `from + order[i]`. */
	order: Int32Array;
	/** Per feature: each row's rank (numeric; missing rows ranked last) or code (categorical; missing = -1). */
	codes: Int32Array[];
	/** Per numeric feature: its distinct non-missing values, ascending. */
	levels: Float64Array[];
	/** Per categorical feature: its largest code in the block. */
	topCode: Int32Array;
	/** Per feature: the rows whose value is missing. */
	missing: Int32Array[];
	/** SHAP values being summed, feature-major (`rows` per feature), and outputs. */
	values: Float64Array;
	outputs: Float64Array;
}

/**
 * Rows `from .. to` of row-major `x` (`F` values a row; `categorical[f]`
 * marks codes) as a block, sorted by the values of the features `sortBy`
 * (first decides; missing last).
 */
export function rowBlock(x: Float64Array, F: number, categorical: Uint8Array, from: number, to: number, sortBy: ArrayLike<number>): RowBlock {
	const rows = to - from;
	const key = (r: number, f: number) => {
		const v = x[(from + r) * F + f];
		return v === v ? v : Infinity;
	};
	const order = Int32Array.from({ length: rows }, (_, i) => i).sort((a, b) => {
		for (let i = 0; i < sortBy.length; i++) {
			const va = key(a, sortBy[i]);
			const vb = key(b, sortBy[i]);
			if (va !== vb) return va < vb ? -1 : 1;
		}
		return a - b;
	});
	const codes: Int32Array[] = [];
	const levels: Float64Array[] = [];
	const missing: Int32Array[] = [];
	const topCode = new Int32Array(F).fill(-1);
	const column = new Float64Array(rows);
	for (let f = 0; f < F; f++) {
		const absent: number[] = [];
		for (let r = 0; r < rows; r++) {
			column[r] = x[(from + order[r]) * F + f];
			if (column[r] !== column[r]) absent.push(r);
		}
		const code = new Int32Array(rows);
		let distinct = new Float64Array(0);
		if (categorical[f] === 1) {
			for (let r = 0; r < rows; r++) code[r] = column[r] !== column[r] ? -1 : column[r];
			for (let r = 0; r < rows; r++) topCode[f] = Math.max(topCode[f], code[r]);
		} else {
			distinct = Float64Array.from(new Set(column.filter((v) => v === v))).sort();
			for (let r = 0; r < rows; r++) code[r] = column[r] !== column[r] ? distinct.length : rankOf(distinct, column[r]);
		}
		codes.push(code);
		levels.push(distinct);
		missing.push(Int32Array.from(absent));
	}
	return { from, rows, order, codes, levels, topCode, missing, values: new Float64Array(F * rows), outputs: new Float64Array(rows) };
}

/** Number of `sorted` values below `v`. */
function rankOf(sorted: Float64Array, v: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid] < v) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Adds the block's sums to row-major `phi` (`F` a row) and `outputs`, in the caller's row numbering. */
export function addBlock(block: RowBlock, F: number, phi: Float64Array, outputs: Float64Array): void {
	const { from, rows, values } = block;
	for (let r = 0; r < rows; r++) {
		const row = from + block.order[r];
		outputs[row] += block.outputs[r];
		const base = row * F;
		for (let f = 0; f < F; f++) phi[base + f] += values[f * rows + r];
	}
}

/**
 * How `node` (splitting on `feature`) sends a row of code c left: numeric,
 * c < cut; categorical, table[c + 1] = 1 (slot 0 for missing). Missing
 * numeric rows are fixed up from `block.missing`.
 */
function rule(e: TreeEnsemble, node: number, categorical: boolean, block: RowBlock, feature: number): { cut: number; table: Uint8Array | null } {
	if (!categorical) return { cut: rankOf(block.levels[feature], e.threshold[node]), table: null };
	const start = e.catStart[node];
	const count = e.catCount[node];
	// Covers every code of the block and of the split.
	let top = block.topCode[feature];
	for (let i = 0; i < count; i++) top = Math.max(top, e.catCodes[start + i]);
	const table = new Uint8Array(top + 2);
	table[0] = e.defaultLeft[node];
	for (let i = 0; i < count; i++) table[e.catCodes[start + i] + 1] = 1;
	return { cut: 0, table };
}

/** Sets `bit` in `out[r]` for every row of the block that goes left at `node`, which splits on `feature`. */
export function orLeft(e: TreeEnsemble, node: number, categorical: boolean, block: RowBlock, feature: number, out: Int32Array, bit: number): void {
	const { cut, table } = rule(e, node, categorical, block, feature);
	const code = block.codes[feature];
	const n = block.rows;
	if (table) {
		const shift = 31 - Math.clz32(bit);
		for (let r = 0; r < n; r++) out[r] |= table[code[r] + 1] << shift;
		return;
	}
	// (rank − cut) >> 31 is -1 below the cut, else 0.
	for (let r = 0; r < n; r++) out[r] |= ((code[r] - cut) >> 31) & bit;
	if (e.defaultLeft[node] === 1) for (const r of block.missing[feature]) out[r] |= bit;
}

/**
 * The masks of both children of `node` (splitting on `feature`): a row keeps
 * its mask in the child it goes to and loses `bit` in the other one.
 */
export function splitMasks(e: TreeEnsemble, node: number, categorical: boolean, block: RowBlock, feature: number, masks: Int32Array, bit: number, left: Int32Array, right: Int32Array): void {
	const { cut, table } = rule(e, node, categorical, block, feature);
	const code = block.codes[feature];
	const n = block.rows;
	const clear = ~bit;
	// goes: -1 when the row goes left, else 0.
	if (table) {
		for (let r = 0; r < n; r++) {
			const goes = -table[code[r] + 1];
			const m = masks[r];
			left[r] = m & (clear | goes);
			right[r] = m & (clear | ~goes);
		}
		return;
	}
	for (let r = 0; r < n; r++) {
		const goes = (code[r] - cut) >> 31;
		const m = masks[r];
		left[r] = m & (clear | goes);
		right[r] = m & (clear | ~goes);
	}
	if (e.defaultLeft[node] !== 1) return;
	for (const r of block.missing[feature]) {
		left[r] = masks[r];
		right[r] = masks[r] & clear;
	}
}
