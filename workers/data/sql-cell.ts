/**
 * Runs a SQL cell. A query becomes view `viewName`, so later cells, charts and
 * profiles can read it by name without copying data; other statements run
 * as they are.
 */
import type { SqlResult } from './api';
import type { Db } from './db';
import { fail } from './errors';
import { columnsOf } from './relations';
import { num } from './values';
import { refuseOutsideAccess } from './sql-guard';
import { identifiers, queryKind, scanStatements, type SqlToken } from './sql-lex';
import { quoteIdent } from './sql-quote';
import { EW } from './error-words';

/**
 * Relations the SQL reads: names written in it that are known tables or views,
 * plus DuckDB's own answer (`getTableNames`), which also lists the base tables
 * behind views but not the views themselves.
 */
function readsOf(db: Db, statements: { text: string; tokens: SqlToken[] }[], known: string[], exclude: string): string[] {
	const canonical = new Map(known.map((n) => [n.toLowerCase(), n]));
	const reads = new Map<string, string>();
	const add = (name: string) => {
		const key = name.toLowerCase();
		if (key !== exclude.toLowerCase() && !reads.has(key)) reads.set(key, canonical.get(key) ?? name);
	};
	for (const s of statements) {
		for (const id of identifiers(s.tokens)) if (canonical.has(id.toLowerCase())) add(id);
		try {
			db.conn.getTableNames(s.text).filter((n) => canonical.has(n.toLowerCase())).forEach(add);
		} catch {
			// A statement DuckDB cannot parse alone: the token scan above is the answer.
		}
	}
	return [...reads.values()];
}

function createView(db: Db, viewName: string, text: string, tokens: SqlToken[], kind: 'plain' | 'wrapped'): void {
	if (!viewName.trim()) fail('invalid viewName: (empty)');
	if (db.relationType(viewName) === 'BASE TABLE') {
		fail(`"${viewName}" is already the name of a table; give this cell's result another name.`);
	}
	if (identifiers(tokens).some((id) => id.toLowerCase() === viewName.toLowerCase())) {
		fail(EW.readsItself(viewName));
	}
	db.check(text);
	const body = kind === 'wrapped' ? `SELECT * FROM (${text})` : text;
	db.query(`CREATE OR REPLACE VIEW ${quoteIdent(viewName)} AS ${body}`);
}

/** Runs `sql` as run `runId` (cancellable with `DataApi.cancelSql`); see `DataApi.runSql`. */
export async function runSqlCell(db: Db, sql: string, viewName: string, runId = ''): Promise<SqlResult> {
	const started = performance.now();
	const statements = scanStatements(sql);
	if (!statements.length) fail('The SQL cell is empty.');
	refuseOutsideAccess(statements);
	const last = statements[statements.length - 1];
	const kind = queryKind(last.tokens);
	const reads = readsOf(db, statements, db.relationNames(), kind ? viewName : '');
	await db.runLong(runId, (kind ? statements.slice(0, -1) : statements).map((s) => s.text));
	if (!kind) {
		const n = statements.length;
		return { viewName: null, info: null, reads, message: EW.executed(n), elapsedMs: performance.now() - started };
	}
	createView(db, viewName, last.text, last.tokens, kind);
	try {
		// Binding saw names and types; running the first rows catches most value errors
		// (a failed cast), which counting alone can skip when the column is unused.
		const view = quoteIdent(viewName);
		const counted = await db.runLong(runId, [`SELECT * FROM ${view} LIMIT 100`, `SELECT count(*) AS n FROM ${view}`]);
		const info = { name: viewName, rowCount: num(counted?.get(0)?.n), columns: columnsOf(db, viewName) };
		return { viewName, info, reads, elapsedMs: performance.now() - started };
	} catch (e) {
		db.raw(`DROP VIEW IF EXISTS ${quoteIdent(viewName)}`); // no broken result left for later cells
		throw e;
	}
}
