/**
 * Rows of one read-only query, for a cell's summaries (KPIs, counts by group,
 * one customer's details): the answer comes back as plain values, no view is
 * created. The same first look as a SQL cell refuses outside access, and
 * wrapping the query in `SELECT * FROM (…)` lets nothing but a query run.
 */
import type { QueryRows } from './api';
import type { Db } from './db';
import { fail } from './errors';
import { refuseOutsideAccess } from './sql-guard';
import { queryKind, scanStatements } from './sql-lex';
import { tableRows } from './values';

/** At most `maxRows` rows of the single query `sql`. */
export function queryRows(db: Db, sql: string, maxRows: number): QueryRows {
	if (!Number.isInteger(maxRows) || maxRows < 1) fail(`invalid maxRows: ${maxRows}`);
	const statements = scanStatements(sql);
	if (statements.length !== 1 || !queryKind(statements[0].tokens)) fail('A summary must be one query (SELECT …).');
	refuseOutsideAccess(statements);
	const table = db.query(`SELECT * FROM (${statements[0].text}) LIMIT ${maxRows}`);
	return { columns: table.schema.fields.map((f) => f.name), rows: tableRows(table) };
}
