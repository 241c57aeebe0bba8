/**
 * The Parquet type of each DuckDB column type, chosen as DuckDB's own writer
 * chooses it, so the file reads back (in DuckDB, pandas, Spark, Power BI)
 * with the types the table had. Each comes with the conversion of a value to
 * what the Parquet writer stores.
 */
import type { SchemaElement } from 'hyparquet-writer';
import type { ExportColumn } from './export-column';

type Value = ExportColumn['values'][number] & {};
/** A Parquet schema element without its name and nullability, and how a present value is stored. */
export interface ParquetColumnType {
	element: Omit<SchemaElement, 'name' | 'repetition_type'>;
	store: (value: Value) => unknown;
}

const DAY_MS = 86_400_000;
/** DuckDB's DECIMAL without a width: DECIMAL(18,3). */
const DEFAULT_DECIMAL = { precision: 18, scale: 3 };

/** A whole number, or a clear error (a fraction in an integer column is a bug upstream, not something to round away). */
function whole(value: Value): bigint {
	if (typeof value === 'bigint') return value;
	if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) return BigInt(value.trim());
	const n = Number(value);
	if (!Number.isInteger(n)) throw new Error(`Parquet export: ${String(value)} is not a whole number, in an integer column.`);
	return BigInt(n);
}

/** A date-time: a Date as is, ISO text (no zone means UTC) parsed. */
function instant(value: Value): Date {
	if (value instanceof Date) return value;
	const text = String(value).trim().replace(' ', 'T');
	const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
	if (Number.isNaN(date.getTime())) throw new Error(`Parquet export: "${String(value)}" is not a date.`);
	return date;
}

/** `value` × 10^scale as an exact whole number, from its decimal digits (rounded half away from zero). */
export function scaledDecimal(value: Value, scale: number): bigint {
	if (typeof value === 'bigint') return value * 10n ** BigInt(scale);
	// A number's shortest text is the decimal it was meant as (-0.015, not the double's -0.01499…);
	// tiny and huge ones are written with an exponent, so their digits come from toFixed or BigInt.
	const n = Number(value);
	const shortest = String(n);
	const plain = !/e/i.test(shortest) ? shortest : Math.abs(n) < 1e21 ? n.toFixed(scale) : BigInt(n).toString();
	const text = typeof value === 'string' ? value.trim() : plain;
	const parts = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
	if (!parts || !(parts[2] || parts[3])) throw new Error(`Parquet export: "${String(value)}" is not a decimal number.`);
	const fraction = (parts[3] ?? '').padEnd(scale + 1, '0');
	let digits = BigInt((parts[2] || '0') + fraction.slice(0, scale));
	if (Number(fraction[scale]) >= 5) digits += 1n;
	return parts[1] === '-' ? -digits : digits;
}

/** A value as text, as DuckDB shows it (dates as `2024-01-31 09:30:00`). */
function text(value: Value): string {
	if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
	return String(value);
}

const int32 = (converted_type?: SchemaElement['converted_type']): ParquetColumnType => ({
	element: { type: 'INT32', converted_type },
	store: (v) => Number(whole(v))
});
const number = (type: 'FLOAT' | 'DOUBLE'): ParquetColumnType => ({ element: { type }, store: (v) => Number(v) });
const timestamp = (isAdjustedToUTC: boolean): ParquetColumnType => ({
	element: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC, unit: 'MILLIS' } },
	store: (v) => BigInt(instant(v).getTime())
});

function decimal(precision: number, scale: number): ParquetColumnType {
	// DuckDB's own layout: 64-bit integers up to 18 digits, 16 bytes beyond.
	const physical = precision <= 18 ? { type: 'INT64' as const } : { type: 'FIXED_LEN_BYTE_ARRAY' as const, type_length: 16 };
	return {
		element: { ...physical, converted_type: 'DECIMAL', precision, scale, logical_type: { type: 'DECIMAL', precision, scale } },
		store: (v) => scaledDecimal(v, scale)
	};
}

const TYPES: Record<string, ParquetColumnType> = {
	BOOLEAN: { element: { type: 'BOOLEAN' }, store: (v) => (typeof v === 'string' ? v.toLowerCase() === 'true' : Boolean(v)) },
	TINYINT: int32('INT_8'),
	SMALLINT: int32('INT_16'),
	INTEGER: int32('INT_32'),
	UTINYINT: int32('UINT_8'),
	USMALLINT: int32('UINT_16'),
	UINTEGER: int32('UINT_32'),
	BIGINT: { element: { type: 'INT64', converted_type: 'INT_64' }, store: whole },
	UBIGINT: { element: { type: 'INT64', converted_type: 'UINT_64' }, store: whole },
	// Wider than 64 bits: DuckDB's writer stores these as DOUBLE too.
	HUGEINT: number('DOUBLE'),
	UHUGEINT: number('DOUBLE'),
	FLOAT: number('FLOAT'),
	DOUBLE: number('DOUBLE'),
	DATE: { element: { type: 'INT32', converted_type: 'DATE' }, store: (v) => Math.floor(instant(v).getTime() / DAY_MS) },
	TIMESTAMP: timestamp(false),
	'TIMESTAMP WITH TIME ZONE': timestamp(true)
};

/** DuckDB's other names for the same types. */
const ALIASES: Record<string, string> = {
	BOOL: 'BOOLEAN',
	LOGICAL: 'BOOLEAN',
	INT1: 'TINYINT',
	INT2: 'SMALLINT',
	SHORT: 'SMALLINT',
	INT: 'INTEGER',
	INT4: 'INTEGER',
	SIGNED: 'INTEGER',
	INT8: 'BIGINT',
	LONG: 'BIGINT',
	INT128: 'HUGEINT',
	UINT128: 'UHUGEINT',
	REAL: 'FLOAT',
	FLOAT4: 'FLOAT',
	FLOAT8: 'DOUBLE',
	DATETIME: 'TIMESTAMP',
	TIMESTAMP_S: 'TIMESTAMP',
	TIMESTAMP_MS: 'TIMESTAMP',
	TIMESTAMP_NS: 'TIMESTAMP',
	TIMESTAMPTZ: 'TIMESTAMP WITH TIME ZONE'
};

/** Everything else (VARCHAR, UUID, ENUM, TIME, INTERVAL, lists, structs …) is written as UTF-8 text. */
const TEXT: ParquetColumnType = { element: { type: 'BYTE_ARRAY', converted_type: 'UTF8' }, store: text };

/** The Parquet type for DuckDB type `duckdbType` (as DESCRIBE writes it). */
export function parquetColumnType(duckdbType: string): ParquetColumnType {
	const type = duckdbType.trim().toUpperCase();
	const dec = /^(?:DECIMAL|NUMERIC)(?:\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/.exec(type);
	if (dec) return decimal(dec[1] ? Number(dec[1]) : DEFAULT_DECIMAL.precision, dec[1] ? Number(dec[2] ?? 0) : DEFAULT_DECIMAL.scale);
	return TYPES[ALIASES[type] ?? type] ?? TEXT;
}
