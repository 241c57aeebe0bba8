/**
 * JSON records (objects) as table columns. Nested objects become dotted
 * columns (`address.city`), because analysts filter and group on those
 * fields; lists stay whole as JSON text, since a list has no one value per
 * row. Columns come in the order their keys are first seen across all
 * records, and a record without a key has a missing value there.
 */
import type { ImportedColumn, ImportedValue } from './imported-table';
import { jsonText } from './json-text';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The columns being filled, by name, in first-seen order. */
export class RecordColumns {
	private readonly columns = new Map<string, ImportedValue[]>();
	private rows = 0;
	/** Whole numbers too long for a 64-bit column, kept as their digits (text). */
	beyondInt64 = 0;

	/** Appends one record as the next row. */
	add(record: Record<string, unknown>): void {
		this.fill(record, '');
		this.rows++;
		for (const values of this.columns.values()) if (values.length === this.rows - 1) values.push(null);
	}

	get rowCount(): number {
		return this.rows;
	}

	columnsRead(): ImportedColumn[] {
		return [...this.columns].map(([name, values]) => ({ name, values }));
	}

	private fill(record: Record<string, unknown>, prefix: string): void {
		for (const [key, value] of Object.entries(record)) {
			const name = prefix + key;
			if (value !== null && typeof value === 'object' && !Array.isArray(value)) this.fill(value as Record<string, unknown>, `${name}.`);
			else this.set(name, this.cell(value));
		}
	}

	private set(name: string, value: ImportedValue): void {
		let values = this.columns.get(name);
		if (!values) this.columns.set(name, (values = new Array<ImportedValue>(this.rows).fill(null)));
		// A key met twice in one record (`"a.b"` beside `"a": {"b": …}`): the last one wins, as in JSON.parse.
		if (values.length > this.rows) values[this.rows] = value;
		else values.push(value);
	}

	private cell(value: unknown): ImportedValue {
		if (value === null || value === undefined) return null;
		if (typeof value === 'bigint') {
			if (value >= INT64_MIN && value <= INT64_MAX) return value;
			this.beyondInt64++;
			return value.toString();
		}
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
		return jsonText(value);
	}
}
