/**
 * A Parquet column's decoded values as an imported column, typed by the
 * file's schema: INT32/INT64 as whole numbers (64-bit ones stay BigInt),
 * FLOAT/DOUBLE/DECIMAL as numbers, DATE and TIMESTAMP as UTC dates, text as
 * text, TIME as `HH:MM:SS` text, and nested values (lists, structs, maps) as
 * JSON text.
 */
import type { SchemaElement, SchemaTree } from 'hyparquet';
import type { ImportedColumn, ImportedType, ImportedValue } from './imported-table';
import { blobText, bytesText, jsonText } from './json-text';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** What reading the columns changed, for the import notes. */
export interface ColumnTally {
	/** Dates beyond what a date can hold here (DuckDB's `infinity`, year 300,000). */
	emptiedDates: number;
	/** Unsigned 64-bit values above the signed range, kept as text. */
	beyondInt64: number;
	/** Columns of raw bytes that are not text, shown in DuckDB's BLOB notation. */
	binary: string[];
	/** Timestamp columns stored as instants (with a time zone), shown in UTC. */
	utc: string[];
}

type Kind = 'nested' | 'date' | 'timestamp' | 'time' | 'float' | 'double' | 'integer' | 'boolean' | 'bytes' | 'other';

function kindOf(node: SchemaTree): Kind {
	if (node.children.length) return 'nested';
	const { type, converted_type: ctype, logical_type: ltype } = node.element;
	if (ctype === 'DATE' || ltype?.type === 'DATE') return 'date';
	if (ctype === 'TIMESTAMP_MILLIS' || ctype === 'TIMESTAMP_MICROS' || ltype?.type === 'TIMESTAMP' || (type === 'INT96' && !ctype)) return 'timestamp';
	if (ctype === 'TIME_MILLIS' || ctype === 'TIME_MICROS' || ltype?.type === 'TIME') return 'time';
	if (ctype === 'DECIMAL' || ltype?.type === 'DECIMAL' || ltype?.type === 'FLOAT16' || type === 'DOUBLE') return 'double';
	if (type === 'FLOAT') return 'float';
	if (type === 'INT32' || type === 'INT64') return 'integer';
	if (type === 'BOOLEAN') return 'boolean';
	// Raw bytes: text without its UTF8 annotation (older writers), ENUM, or true binary.
	if ((type === 'BYTE_ARRAY' || type === 'FIXED_LEN_BYTE_ARRAY') && (!ctype || ctype === 'ENUM') && (!ltype || ltype.type === 'ENUM')) return 'bytes';
	return 'other'; // text, JSON, UUID, geometry: already decoded by hyparquet
}

const DECLARED: Record<Kind, ImportedType> = {
	nested: 'VARCHAR',
	date: 'DATE',
	timestamp: 'TIMESTAMP',
	time: 'VARCHAR',
	float: 'DOUBLE',
	double: 'DOUBLE',
	integer: 'BIGINT',
	boolean: 'BOOLEAN',
	bytes: 'VARCHAR',
	other: 'VARCHAR'
};

/**
 * The shortest decimal that is the same 32-bit float: a FLOAT 0.1 decodes as
 * 0.10000000149011612, which no one typed; the file meant 0.1.
 */
export function float32Number(v: number): number {
	if (!Number.isFinite(v)) return v;
	for (let digits = 1; digits < 9; digits++) {
		const shorter = Number(v.toPrecision(digits));
		if (Math.fround(shorter) === v) return shorter;
	}
	return v;
}

/** Nanoseconds in one unit of a TIME column. */
function timeUnitNanos(element: SchemaElement): bigint {
	const unit = element.logical_type?.type === 'TIME' ? element.logical_type.unit : element.converted_type === 'TIME_MILLIS' ? 'MILLIS' : 'MICROS';
	return unit === 'MILLIS' ? 1_000_000n : unit === 'MICROS' ? 1_000n : 1n;
}

/** A time of day as DuckDB writes it: `13:45:07`, `13:45:07.25`. */
export function timeText(value: number | bigint, unitNanos: bigint): string {
	const nanos = BigInt(value) * unitNanos;
	const seconds = nanos / 1_000_000_000n;
	const two = (n: bigint) => n.toString().padStart(2, '0');
	const fraction = (nanos % 1_000_000_000n).toString().padStart(9, '0').slice(0, 6).replace(/0+$/, '');
	return `${two(seconds / 3600n)}:${two((seconds / 60n) % 60n)}:${two(seconds % 60n)}${fraction ? `.${fraction}` : ''}`;
}

/** A byte column is text when every value is valid UTF-8; otherwise it is binary, shown as DuckDB shows a BLOB. */
function bytesColumn(values: readonly unknown[]): { values: ImportedValue[]; binary: boolean } {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const text: (string | null)[] = [];
	for (const v of values) {
		if (!(v instanceof Uint8Array)) text.push(v === null || v === undefined ? null : String(v));
		else {
			try {
				text.push(decoder.decode(v));
			} catch {
				return { values: values.map((b) => (b instanceof Uint8Array ? blobText(b) : null)), binary: true };
			}
		}
	}
	return { values: text, binary: false };
}

/** The imported column for top-level Parquet column `node`, from its decoded `raw` values. */
export function importedColumn(node: SchemaTree, raw: ArrayLike<unknown>, tally: ColumnTally): ImportedColumn {
	const name = node.element.name;
	const kind = kindOf(node);
	const values = Array.from(raw);
	const type = DECLARED[kind];
	if (kind === 'bytes') {
		const read = bytesColumn(values);
		if (read.binary) tally.binary.push(name);
		return { name, values: read.values, type };
	}
	if (kind === 'timestamp' && node.element.logical_type?.type === 'TIMESTAMP' && node.element.logical_type.isAdjustedToUTC) tally.utc.push(name);
	const unitNanos = kind === 'time' ? timeUnitNanos(node.element) : 1n;
	const cell = (v: unknown): ImportedValue => {
		if (v === null || v === undefined) return null;
		if (kind === 'nested') return jsonText(v);
		if (kind === 'time' && (typeof v === 'number' || typeof v === 'bigint')) return timeText(v, unitNanos);
		if (kind === 'float' && typeof v === 'number') return float32Number(v);
		if (v instanceof Date) {
			if (!Number.isNaN(v.getTime())) return v;
			tally.emptiedDates++;
			return null;
		}
		if (typeof v === 'bigint') {
			if (v >= INT64_MIN && v <= INT64_MAX) return v;
			tally.beyondInt64++;
			return v.toString();
		}
		if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
		if (v instanceof Uint8Array) return bytesText(v);
		return jsonText(v); // geometry as GeoJSON, anything else structured
	};
	return { name, values: values.map(cell), type };
}
