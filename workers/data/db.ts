/**
 * The one DuckDB connection of the worker, with errors rewritten for users.
 * Blocking bindings: every call runs synchronously inside this worker.
 */
import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { tableFromIPC } from 'apache-arrow';
import type * as arrow from 'apache-arrow';
import { rewriteDuckDbError } from './errors';
import { lockDown } from './lockdown';
import { LongQueries } from './long-query';
import { isCancelled } from '../../models/shared';

export class Db {
	readonly bindings: DuckDBBindings;
	readonly conn: DuckDBConnection;
	/** SQL cells' statements, on their own connection, cancellable. */
	readonly long: LongQueries;

	constructor(bindings: DuckDBBindings) {
		this.bindings = bindings;
		this.conn = bindings.connect();
		// Before any other statement: no URL, no extension, no file outside the tab.
		lockDown(this.conn);
		this.long = new LongQueries(bindings);
	}

	/**
	 * Runs statements that may take long as run `runId` (see `LongQueries`);
	 * resolves with the last one's Arrow table. Errors are worded as `query`'s.
	 */
	async runLong(runId: string, statements: string[]): Promise<arrow.Table | null> {
		try {
			const bytes = await this.long.run(runId, statements);
			return bytes ? tableFromIPC(bytes) : null;
		} catch (e) {
			if (isCancelled(e)) throw e;
			throw rewriteDuckDbError(plainDuckDbError(e), this.relationNamesSafe());
		}
	}

	/** Runs SQL as is; DuckDB's error passes through (for callers that classify it). */
	raw(sql: string): arrow.Table {
		return this.conn.query(sql);
	}

	/** Runs SQL; a failure becomes a plain-language Error. */
	query(sql: string): arrow.Table {
		try {
			return this.conn.query(sql);
		} catch (e) {
			throw rewriteDuckDbError(e, this.relationNamesSafe());
		}
	}

	/**
	 * Runs a query and returns its result as Arrow IPC stream bytes, straight
	 * from DuckDB (a fresh buffer, safe to transfer): no decode and re-encode in
	 * JS, and no dependence on which copy of apache-arrow the caller loaded.
	 */
	ipc(sql: string): Uint8Array {
		try {
			return this.conn.useUnsafe((bindings, conn) => bindings.runQuery(conn, sql));
		} catch (e) {
			throw rewriteDuckDbError(e, this.relationNamesSafe());
		}
	}

	/**
	 * Binds `sql` without running it, so errors (unknown names, syntax) point
	 * at the user's own text rather than at a wrapper such as `CREATE VIEW … AS`.
	 */
	check(sql: string): void {
		try {
			this.conn.prepare(sql).close();
		} catch (e) {
			throw rewriteDuckDbError(e, this.relationNamesSafe());
		}
	}

	/** User tables and views (temporary helper tables excluded), sorted. */
	relationNames(): string[] {
		const table = this.conn.query(
			`SELECT table_name AS name FROM information_schema.tables
			 WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type <> 'LOCAL TEMPORARY'
			 ORDER BY lower(table_name)`
		);
		return table.toArray().map((row) => String(row.name));
	}

	relationNamesSafe(): string[] {
		try {
			return this.relationNames();
		} catch {
			return [];
		}
	}

	/** 'BASE TABLE', 'VIEW', or null when no such relation exists. */
	relationType(name: string): string | null {
		const stmt = this.conn.prepare(
			`SELECT table_type FROM information_schema.tables
			 WHERE table_catalog = current_database() AND table_schema = 'main' AND lower(table_name) = lower(?)`
		);
		try {
			const row = stmt.query(name).get(0);
			return row ? String(row.table_type) : null;
		} finally {
			stmt.close();
		}
	}
}

/**
 * DuckDB's pending-query calls report errors as JSON
 * (`{"exception_type":"Parser","exception_message":"…"}`); the rest of the
 * worker reads them as `conn.query` words them: "Parser Error: …".
 */
function plainDuckDbError(e: unknown): unknown {
	if (!(e instanceof Error) || !e.message.startsWith('{')) return e;
	try {
		const { exception_type: type, exception_message: message } = JSON.parse(e.message) as { exception_type?: string; exception_message?: string };
		return type && message ? new Error(`${type} Error: ${message}`) : e;
	} catch {
		return e;
	}
}
