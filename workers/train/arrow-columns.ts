/**
 * Arrow table → raw columns for the tabular trainer: numeric Arrow types
 * (ints, floats, decimals) become Float64Array with NaN for missing values;
 * everything else (text, booleans, dates) becomes text.
 */
import { Type, type Table } from 'apache-arrow';
import type { RawColumn } from '../../models/shared';

const NUMERIC = new Set([Type.Int, Type.Float, Type.Decimal]);

export function rawColumnsFromArrow(table: Table): RawColumn[] {
	return table.schema.fields.map((field, i) => {
		const vector = table.getChildAt(i)!;
		const n = table.numRows;
		if (NUMERIC.has(field.type.typeId)) {
			const values = new Float64Array(n);
			for (let r = 0; r < n; r++) {
				const v = vector.get(r);
				values[r] = v === null || v === undefined ? NaN : Number(v);
			}
			return { name: field.name, type: 'numeric', values };
		}
		const values: (string | null)[] = new Array(n);
		for (let r = 0; r < n; r++) {
			const v = vector.get(r);
			values[r] = v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);
		}
		return { name: field.name, type: 'text', values };
	});
}
