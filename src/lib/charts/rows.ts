import type { ChartColumn } from './validate';

/** Chart input as plain rows plus the column types, whatever form it arrived in. */
export interface ChartRows {
	rows: Record<string, unknown>[];
	columns: ChartColumn[];
}

// Arrow type ids (apache-arrow `Type` enum); duck-typed so this module stays free of Arrow.
const ARROW_INT = 2;
const ARROW_DECIMAL = 7;
const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;

interface ArrowTypeLike {
	typeId: number;
	bitWidth?: number;
	scale?: number;
	toString(): string;
}
interface ArrowVectorLike {
	length: number;
	get(i: number): unknown;
}
interface ArrowTableLike {
	numRows: number;
	schema: { fields: { name: string; type: ArrowTypeLike }[] };
	getChild(name: string): ArrowVectorLike | null;
}

function isArrowTable(data: unknown): data is ArrowTableLike {
	const t = data as ArrowTableLike | null;
	return !!t && typeof t === 'object' && typeof t.getChild === 'function' && !!t.schema?.fields;
}

/**
 * How an Arrow value becomes a value Plot scales understand: BIGINT and
 * DECIMAL as numbers (Plot would read BigInt as ordinal), dates as `Date`
 * (Arrow 17 hands them over as epoch milliseconds).
 */
function converter(type: ArrowTypeLike): (v: unknown) => unknown {
	if (type.typeId === ARROW_INT && type.bitWidth === 64) return (v) => (v == null ? null : Number(v));
	if (type.typeId === ARROW_DECIMAL) {
		const divisor = 10 ** (type.scale ?? 0);
		return (v) => (v == null ? null : Number(v) / divisor);
	}
	if (type.typeId === ARROW_DATE || type.typeId === ARROW_TIMESTAMP)
		return (v) => (v == null ? null : new Date(Number(v)));
	return (v) => (typeof v === 'bigint' ? Number(v) : v);
}

function fromArrow(table: ArrowTableLike): ChartRows {
	const fields = table.schema.fields;
	const rows: Record<string, unknown>[] = Array.from({ length: table.numRows }, () => ({}));
	for (const field of fields) {
		const vector = table.getChild(field.name);
		if (!vector) continue;
		const convert = converter(field.type);
		for (let i = 0; i < rows.length; i++) rows[i][field.name] = convert(vector.get(i));
	}
	return { rows, columns: fields.map((f) => ({ name: f.name, type: String(f.type) })) };
}

/** A type name for a JS value, in DuckDB's words, so `columnKind` reads it. */
function typeOfValue(v: unknown): string {
	if (typeof v === 'number' || typeof v === 'bigint') return 'DOUBLE';
	if (typeof v === 'boolean') return 'BOOLEAN';
	if (v instanceof Date) return 'TIMESTAMP';
	if (typeof v === 'string') return 'VARCHAR';
	return 'OTHER';
}

function fromObjects(objects: Record<string, unknown>[]): ChartRows {
	const names = new Set<string>();
	for (const row of objects.slice(0, 100)) for (const key of Object.keys(row)) names.add(key);
	const columns = [...names].map((name) => {
		const sample = objects.find((r) => r[name] != null)?.[name];
		return { name, type: sample === undefined ? 'VARCHAR' : typeOfValue(sample) };
	});
	return { rows: objects, columns };
}

// Rebuilding options on every resize must not re-read a large Arrow table.
const CACHE = new WeakMap<object, ChartRows>();

/**
 * Plain rows and column types from an Arrow Table or an array of row objects.
 * Anything else reads as no rows.
 */
export function toChartRows(data: unknown): ChartRows {
	if (!data || typeof data !== 'object') return { rows: [], columns: [] };
	const cached = CACHE.get(data);
	if (cached) return cached;
	const result = isArrowTable(data)
		? fromArrow(data)
		: Array.isArray(data)
			? fromObjects(data as Record<string, unknown>[])
			: { rows: [], columns: [] };
	CACHE.set(data, result);
	return result;
}

/** Distinct non-missing values of one column, in first-seen order. */
export function distinctValues(rows: Record<string, unknown>[], name: string): unknown[] {
	const seen = new Set<unknown>();
	for (const row of rows) {
		const v = row[name];
		if (v != null) seen.add(v instanceof Date ? v.getTime() : v);
	}
	return [...seen];
}
