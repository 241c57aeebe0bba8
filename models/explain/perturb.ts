/**
 * Small helpers shared by the local explanations (LIME, partial dependence,
 * counterfactuals, what-if): copying rows and setting one cell by value.
 */
import { cancelledError } from '../shared/cancel';
import type { FeatureColumn, Features } from '../types';
import type { Predictor } from './types';

/** A cell value as users see it: a number, a level name, or null for missing. */
export type CellValue = number | string | null;

export { throwIfAborted } from '../shared/cancel';

/** The value of `column` at `row`: NaN and code -1 (or an out-of-range code) read as null. */
export function readValue(column: FeatureColumn, row: number): CellValue {
	if (column.kind === 'numeric') {
		const v = column.values[row];
		return Number.isNaN(v) ? null : v;
	}
	const code = column.codes[row];
	return code >= 0 && code < column.levels.length ? column.levels[code] : null;
}

/** Writes `value` into `column` at `row`: level names become codes (unknown level → -1), null → missing. */
export function writeValue(column: FeatureColumn, row: number, value: CellValue): void {
	if (column.kind === 'numeric') column.values[row] = value === null ? NaN : Number(value);
	else column.codes[row] = value === null ? -1 : column.levels.indexOf(String(value));
}

/** `n` copies of row `row` of `X` (fresh arrays, levels shared). */
export function repeatRow(X: Features, row: number, n: number): Features {
	if (!Number.isInteger(row) || row < 0 || row >= X.rows) throw new Error(`invalid row: ${row}`);
	return {
		rows: n,
		columns: X.columns.map((c) =>
			c.kind === 'numeric' ? { ...c, values: new Float64Array(n).fill(c.values[row]) } : { ...c, codes: new Int32Array(n).fill(c.codes[row]) }
		)
	};
}

/**
 * A 1-row copy of row `row` of `X` with some columns set by name; categorical
 * values are level names (an unknown level becomes -1, missing), null is missing.
 * @example withValues(customers, 3, { contract: 'Two year', monthlyCharges: 55 })
 */
export function withValues(X: Features, row: number, changes: Record<string, CellValue>): Features {
	const copy = repeatRow(X, row, 1);
	for (const [name, value] of Object.entries(changes)) {
		const column = copy.columns.find((c) => c.name === name);
		if (!column) throw new Error(`invalid column: ${name}`);
		writeValue(column, 0, value);
	}
	return copy;
}

/** Calls `predict` and checks it returned one probability per row. */
export async function predictRows(predict: Predictor, X: Features): Promise<Float64Array> {
	const p = await predict(X);
	if (p.length !== X.rows) throw new Error(`invalid predictions: ${p.length} for ${X.rows} rows`);
	return p;
}
