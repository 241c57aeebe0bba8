/**
 * Runs a SQL cell. A query becomes view `viewName`, so later cells, charts and
 * profiles can read it by name without copying data; other statements run
 * as they are.
 */
import type { SqlResult } from './api';
import type { Db } from './db';
import { fail } from './errors';
import { describeRelation } from './relations';
import { refuseOutsideAccess } from './sql-guard';
import { identifiers, queryKind, scanStatements, type SqlToken } from './sql-lex';
import { quoteIdent } from './sql-quote';

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
		fail(`This query reads "${viewName}", which is the name of its own result; give the result another name.`);
	}
	db.check(text);
	const body = kind === 'wrapped' ? `SELECT * FROM (${text})` : text;
	db.query(`CREATE OR REPLACE VIEW ${quoteIdent(viewName)} AS ${body}`);
}

/** Runs `sql`; see `DataApi.runSql`. */
export function runSqlCell(db: Db, sql: string, viewName: string): SqlResult {
	const started = performance.now();
	const statements = scanStatements(sql);
	if (!statements.length) fail('The SQL cell is empty.');
	refuseOutsideAccess(statements);
	const last = statements[statements.length - 1];
	const kind = queryKind(last.tokens);
	const reads = readsOf(db, statements, db.relationNames(), kind ? viewName : '');
	for (const s of kind ? statements.slice(0, -1) : statements) db.query(s.text);
	if (!kind) {
		const n = statements.length;
		return { viewName: null, info: null, reads, message: n === 1 ? 'Statement executed.' : `${n} statements executed.`, elapsedMs: performance.now() - started };
	}
	createView(db, viewName, last.text, last.tokens, kind);
	try {
		// Binding saw names and types; running the first rows catches most value errors
		// (a failed cast), which counting alone can skip when the column is unused.
		db.query(`SELECT * FROM ${quoteIdent(viewName)} LIMIT 100`);
		const info = describeRelation(db, viewName);
		return { viewName, info, reads, elapsedMs: performance.now() - started };
	} catch (e) {
		db.raw(`DROP VIEW IF EXISTS ${quoteIdent(viewName)}`); // no broken result left for later cells
		throw e;
	}
}
