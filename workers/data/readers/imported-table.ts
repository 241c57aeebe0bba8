/**
 * The one way a file read in JavaScript (a workbook, Parquet, JSON) becomes a
 * DuckDB table: its columns as plain values, typed here, sent to DuckDB as
 * Arrow and given their SQL types there.
 *
 * Only two Arrow kinds cross (numbers as Float64, everything else as UTF-8,
 * each with its null bitmap): vectors are made straight from their buffers,
 * because Arrow's builders compile code with `new Function`, which the
 * Content-Security-Policy refuses in workers. The SQL types (BIGINT, BOOLEAN,
 * DATE, TIMESTAMP) are then set by one `CREATE TABLE … AS SELECT`.
 */
import { Float64, Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import type { Db } from '../db';
import { quoteIdent } from '../sql-quote';

/** A value as a reader found it: text, a number, a yes/no, a date-time (a JS Date, read as UTC) or missing. */
export type ImportedValue = string | number | boolean | Date | bigint | null;

export interface ImportedColumn {
	name: string;
	values: ImportedValue[];
	/**
	 * The type the file declares (Parquet's schema), kept when the values fit
	 * it: a DOUBLE column of whole numbers, or a TIMESTAMP column at midnight,
	 * keeps its type instead of the one its values suggest.
	 */
	type?: ImportedType;
}

/** A table read from a file, column by column (every column as long as the first). */
export interface ImportedTable {
	columns: ImportedColumn[];
}

export type ImportedType = 'BOOLEAN' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'VARCHAR';

const isDate = (v: ImportedValue): v is Date => v instanceof Date;
const midnight = (d: Date) => d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;

/**
 * The SQL type of a column from its values: one kind throughout (missing
 * values aside) gives that kind's type; any mix is text, written as the file
 * shows it.
 */
export function importedType(values: readonly ImportedValue[]): ImportedType {
	const present = values.filter((v) => v !== null && !(typeof v === 'number' && Number.isNaN(v)));
	if (present.length === 0) return 'VARCHAR';
	if (present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
	if (present.every((v) => typeof v === 'bigint')) return 'BIGINT';
	if (present.every((v) => typeof v === 'number' || typeof v === 'bigint')) {
		const whole = present.every((v) => typeof v === 'bigint' || (Number.isSafeInteger(v) && !Object.is(v, -0)));
		return whole ? 'BIGINT' : 'DOUBLE';
	}
	if (present.every(isDate)) return present.every(midnight) ? 'DATE' : 'TIMESTAMP';
	return 'VARCHAR';
}

/** Whether every value of a column fits `type` (missing values fit any). */
export function fitsType(type: ImportedType, values: readonly ImportedValue[]): boolean {
	const present = values.filter((v) => v !== null && !(typeof v === 'number' && Number.isNaN(v)));
	switch (type) {
		case 'BOOLEAN':
			return present.every((v) => typeof v === 'boolean');
		case 'BIGINT':
			return present.every((v) => typeof v === 'bigint' || Number.isSafeInteger(v));
		case 'DOUBLE':
			return present.every((v) => typeof v === 'number' || typeof v === 'bigint');
		case 'DATE':
		case 'TIMESTAMP':
			return present.every(isDate);
		default:
			return true;
	}
}

/** A value as text, as a spreadsheet would show it in a text column. */
function asText(v: ImportedValue): string {
	if (isDate(v)) return midnight(v) ? v.toISOString().slice(0, 10) : v.toISOString().replace('T', ' ').replace('Z', '');
	return String(v);
}

function nullBitmap(present: (i: number) => boolean, length: number): Uint8Array {
	const bitmap = new Uint8Array(Math.ceil(length / 8));
	for (let i = 0; i < length; i++) if (present(i)) bitmap[i >> 3] |= 1 << (i & 7);
	return bitmap;
}

/** A UTF-8 Arrow column from strings (null = missing): one byte buffer and its offsets. */
export function utf8Vector(values: readonly (string | null)[]): Vector {
	const encoder = new TextEncoder();
	const encoded = values.map((v) => (v === null ? new Uint8Array(0) : encoder.encode(v)));
	const valueOffsets = new Int32Array(values.length + 1);
	encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i] + bytes.length));
	const data = new Uint8Array(valueOffsets[values.length]);
	encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]));
	const nulls = values.filter((v) => v === null).length;
	return makeVector(makeData({ type: new Utf8(), data, valueOffsets, nullBitmap: nulls ? nullBitmap((i) => values[i] !== null, values.length) : undefined, nullCount: nulls }));
}

/** A Float64 Arrow column (null = missing). */
function float64Vector(values: readonly (number | null)[]): Vector {
	const data = Float64Array.from(values, (v) => v ?? 0);
	const nulls = values.filter((v) => v === null).length;
	return makeVector(makeData({ type: new Float64(), data, nullBitmap: nulls ? nullBitmap((i) => values[i] !== null, values.length) : undefined, nullCount: nulls }));
}

/** How a column crosses to DuckDB (numbers, or text) and the SQL that gives it its type there. */
function crossing(type: ImportedType, values: readonly ImportedValue[], column: string): { vector: Vector; select: string } {
	const c = quoteIdent(column);
	const missing = (v: ImportedValue) => v === null || (typeof v === 'number' && Number.isNaN(v));
	switch (type) {
		case 'DOUBLE':
			return { vector: float64Vector(values.map((v) => (missing(v) ? null : Number(v)))), select: c };
		case 'BOOLEAN':
			return { vector: float64Vector(values.map((v) => (missing(v) ? null : v ? 1 : 0))), select: `(${c} <> 0) AS ${c}` };
		case 'DATE':
		case 'TIMESTAMP': {
			const ms = float64Vector(values.map((v) => (missing(v) ? null : (v as Date).getTime())));
			const timestamp = `epoch_ms(CAST(${c} AS BIGINT))`;
			return { vector: ms, select: `${type === 'DATE' ? `CAST(${timestamp} AS DATE)` : timestamp} AS ${c}` };
		}
		case 'BIGINT':
			// Text keeps 64-bit integers exact (a Float64 would not above 2^53).
			return { vector: utf8Vector(values.map((v) => (missing(v) ? null : String(v)))), select: `CAST(${c} AS BIGINT) AS ${c}` };
		default:
			return { vector: utf8Vector(values.map((v) => (missing(v) ? null : asText(v)))), select: c };
	}
}

/**
 * Names DuckDB will take: trimmed, blanks named `column_<n>` (1-based), and
 * repeats made unique with `_2`, `_3` (case-insensitively, as DuckDB compares).
 */
export function columnNames(names: readonly string[]): string[] {
	const taken = new Set<string>();
	return names.map((raw, i) => {
		const base = raw.trim() || `column_${i + 1}`;
		let name = base;
		for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
		taken.add(name.toLowerCase());
		return name;
	});
}

const STAGING = '__imported';

/** Creates (or replaces) table `tableName` from `table`; returns each column's SQL type. */
export function importTable(db: Db, tableName: string, table: ImportedTable): ImportedType[] {
	const names = columnNames(table.columns.map((c) => c.name));
	const rows = table.columns[0]?.values.length ?? 0;
	const types = table.columns.map((c) => (c.type && fitsType(c.type, c.values) ? c.type : importedType(c.values)));
	const crossings = table.columns.map((c, i) => {
		if (c.values.length !== rows) throw new Error(`invalid imported table: column ${names[i]} has ${c.values.length} values for ${rows} rows`);
		return crossing(types[i], c.values, names[i]);
	});
	const ipc = tableToIPC(new Table(Object.fromEntries(names.map((n, i) => [n, crossings[i].vector]))), 'stream');
	db.query(`DROP TABLE IF EXISTS ${STAGING}`);
	db.conn.insertArrowFromIPCStream(ipc, { name: STAGING, create: true });
	try {
		// CREATE OR REPLACE TABLE cannot replace a view of the same name (an old SQL result).
		if (db.relationType(tableName) === 'VIEW') db.query(`DROP VIEW ${quoteIdent(tableName)}`);
		const select = crossings.map((c) => c.select).join(', ') || '*';
		db.query(`CREATE OR REPLACE TABLE ${quoteIdent(tableName)} AS SELECT ${select} FROM ${STAGING}`);
	} finally {
		db.query(`DROP TABLE IF EXISTS ${STAGING}`);
	}
	return types;
}
