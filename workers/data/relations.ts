/** Shape and rows of tables and views: what the preview grid and the SQL editor need. */
import type { ColumnInfo, RowsPage, SortSpec, TableInfo } from './api';
import type { Db } from './db';
import { fail } from './errors';
import type { PageOrder } from './page-order';
import { quoteIdent } from './sql-quote';
import { num, plainExpression, tableRows } from './values';

/** Columns of a relation, in order. */
export function columnsOf(db: Db, relation: string): ColumnInfo[] {
	const table = db.query(`DESCRIBE ${quoteIdent(relation)}`);
	return table.toArray().map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
}

export function rowCountOf(db: Db, relation: string): number {
	return num(db.query(`SELECT count(*) AS n FROM ${quoteIdent(relation)}`).get(0)?.n);
}

export function describeRelation(db: Db, relation: string): TableInfo {
	const columns = columnsOf(db, relation);
	return { name: relation, rowCount: rowCountOf(db, relation), columns };
}

function checkWindow(offset: number, limit: number): void {
	if (!Number.isInteger(offset) || offset < 0) fail(`invalid offset: ${offset}`);
	if (!Number.isInteger(limit) || limit < 0 || limit > 100_000) fail(`invalid limit: ${limit}`);
}

/**
 * Rows `offset .. offset+limit`. Sorting puts NULLs last in both directions.
 * Sorted pages of tables go through `order` (stored rowid order); views have
 * no rowid and are sorted per request (single-threaded WASM DuckDB keeps
 * their order stable in practice).
 */
export function pageOf(db: Db, order: PageOrder, relation: string, offset: number, limit: number, sort?: SortSpec): RowsPage {
	checkWindow(offset, limit);
	const columns = columnsOf(db, relation);
	if (sort && !columns.some((c) => c.name === sort.column)) {
		fail(`There is no column named "${sort.column}" in ${relation}.`);
	}
	const rowCount = rowCountOf(db, relation);
	if (sort && db.relationType(relation) === 'BASE TABLE') {
		return { offset, rows: order.rows(db, relation, columns, offset, limit, sort), rowCount };
	}
	const orderBy = sort ? ` ORDER BY ${quoteIdent(sort.column)} ${sort.descending ? 'DESC' : 'ASC'} NULLS LAST` : '';
	const select = columns.length ? columns.map(plainExpression).join(', ') : '*';
	const table = db.query(`SELECT ${select} FROM ${quoteIdent(relation)}${orderBy} LIMIT ${limit} OFFSET ${offset}`);
	return { offset, rows: tableRows(table), rowCount };
}
