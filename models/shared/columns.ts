/**
 * Raw table columns as the training worker receives them (decoded from Arrow)
 * and as the evaluation command reads them: numbers as Float64Array (NaN =
 * missing), everything else as text (null = missing).
 */
export type RawColumn =
	| { name: string; type: 'numeric'; values: Float64Array }
	| { name: string; type: 'text'; values: (string | null)[] };

/** A column's value at `row` as text (for targets and categories); null when missing. */
export function textAt(column: RawColumn, row: number): string | null {
	if (column.type === 'text') return column.values[row];
	const v = column.values[row];
	return Number.isNaN(v) ? null : String(v);
}

export function rowCount(columns: RawColumn[]): number {
	return columns[0]?.values.length ?? 0;
}
