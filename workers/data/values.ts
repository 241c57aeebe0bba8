/**
 * Converting DuckDB results to plain, structured-cloneable cells. Types that
 * Arrow JS renders awkwardly (DECIMAL, HUGEINT, dates, nested types) are cast
 * in SQL first, so the JS side only sees numbers, strings, booleans and BigInts.
 */
import type * as arrow from 'apache-arrow';
import type { CellValue, ColumnInfo } from './api';
import { quoteIdent } from './sql-quote';

/** A select-list expression for `column` that yields a simple Arrow type. */
export function plainExpression(column: ColumnInfo): string {
	const id = quoteIdent(column.name);
	const type = column.type.toUpperCase();
	if (/^(DECIMAL|NUMERIC|HUGEINT|UHUGEINT|UBIGINT)/.test(type)) return `CAST(${id} AS DOUBLE) AS ${id}`;
	if (type.startsWith('TIMESTAMP')) return `replace(CAST(${id} AS VARCHAR), ' ', 'T') AS ${id}`;
	if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|FLOAT|DOUBLE|BOOLEAN|VARCHAR)$/.test(type)) return id;
	return `CAST(${id} AS VARCHAR) AS ${id}`; // DATE → '2024-01-31', lists, structs, UUID, INTERVAL…
}

/** One cell: BigInt → number (exact up to 2^53, plenty for counts and ids). */
export function toCell(value: unknown): CellValue {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
	if (value instanceof Date) return value.toISOString();
	return String(value);
}

/** Rows of an Arrow table as arrays of cells, column order kept. */
export function tableRows(table: arrow.Table): CellValue[][] {
	const columns = table.schema.fields.map((_, i) => table.getChildAt(i));
	const rows: CellValue[][] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++) rows[r] = columns.map((c) => toCell(c?.get(r)));
	return rows;
}

/** The first row of a result as an object of cells (for aggregate queries). */
export function firstRow(table: arrow.Table): Record<string, unknown> {
	const row = table.get(0);
	return row ? (row.toJSON() as Record<string, unknown>) : {};
}

/** A number from a result cell (BigInt, number or null). */
export function num(value: unknown): number {
	if (value === null || value === undefined) return NaN;
	return typeof value === 'bigint' ? Number(value) : Number(value);
}

/**
 * A select-list expression for Arrow output read by Plot or TF.js: BigInt and
 * DECIMAL columns become DOUBLE (JS code does `+value`, which throws on a
 * BigInt); dates stay dates; nested and exotic types become text.
 */
export function arrowExpression(column: ColumnInfo): string {
	const id = quoteIdent(column.name);
	const type = column.type.toUpperCase();
	if (/^(DECIMAL|NUMERIC|HUGEINT|UHUGEINT|BIGINT|UBIGINT)/.test(type)) return `CAST(${id} AS DOUBLE) AS ${id}`;
	if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|UINTEGER|FLOAT|DOUBLE|BOOLEAN|VARCHAR|DATE|TIMESTAMP.*)$/.test(type)) return id;
	return `CAST(${id} AS VARCHAR) AS ${id}`;
}
