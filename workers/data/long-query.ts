/**
 * SQL that may run long (a SQL cell's statements and its first rows), run so
 * the user can cancel it. DuckDB's pending-query API executes a query a slice
 * at a time (about 0.1 s per poll here); between slices the worker returns to
 * its event loop, where a cancel can arrive, and DuckDB drops the query.
 *
 * These run on a connection of their own, one at a time: a pending query
 * owns its connection until it ends, while pages, profiles and charts keep
 * using the main one.
 */
import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { verifyLockdown } from './lockdown';
import { nextTask, cancelledError } from '../../models/shared';


/** One Arrow IPC stream from its messages. */
function concat(parts: Uint8Array[]): Uint8Array {
	const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		bytes.set(part, at);
		at += part.length;
	}
	return bytes;
}


export class LongQueries {
	readonly #conn: DuckDBConnection;
	/** Runs of this connection, chained: a second query waits for the first to end. */
	#queue: Promise<unknown> = Promise.resolve();
	/** Runs asked for and not yet ended (waiting or running), and those of them the user cancelled. */
	#active = new Set<string>();
	#cancelled = new Set<string>();

	constructor(bindings: DuckDBBindings) {
		this.#conn = bindings.connect();
		// The settings are the database's own; read them back on this connection too.
		verifyLockdown(this.#conn);
	}

	/** Asks the run `runId` to stop at its next slice (or before it starts). */
	cancel(runId: string): void {
		if (this.#active.has(runId)) this.#cancelled.add(runId);
	}

	/**
	 * Runs each statement in order as run `runId`; resolves with the last
	 * one's result (Arrow IPC bytes), rejects with a CancelledError soon after
	 * `cancel(runId)`. DuckDB's own errors pass through as they are.
	 */
	run(runId: string, statements: string[]): Promise<Uint8Array | null> {
		this.#active.add(runId);
		const work = this.#queue.then(async () => {
			let last: Uint8Array | null = null;
			try {
				for (const sql of statements) last = await this.#one(runId, sql);
			} finally {
				this.#active.delete(runId);
				this.#cancelled.delete(runId);
			}
			return last;
		});
		this.#queue = work.catch(() => undefined);
		return work;
	}

	#one(runId: string, sql: string): Promise<Uint8Array> {
		return this.#conn.useUnsafe(async (bindings, conn) => {
			if (this.#cancelled.has(runId)) throw cancelledError();
			let done = bindings.startPendingQuery(conn, sql, false);
			while (done === null) {
				await nextTask();
				if (this.#cancelled.has(runId)) {
					bindings.cancelPendingQuery(conn);
					throw cancelledError();
				}
				done = bindings.pollPendingQuery(conn);
			}
			// `done` is the result's schema; its record batches follow, then an empty message.
			const parts = [done];
			for (let batch = bindings.fetchQueryResults(conn); batch?.length; batch = bindings.fetchQueryResults(conn)) parts.push(batch);
			return concat(parts);
		});
	}
}
