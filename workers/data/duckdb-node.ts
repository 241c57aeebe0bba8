/**
 * Opens DuckDB-WASM in Node with the synchronous ("blocking") bindings: the
 * same engine and the same `DuckDBBindings` interface as the browser worker.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';

const require = createRequire(import.meta.url);
// CommonJS build: loading it with require keeps vitest from transforming the 1 MB bundle.
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as typeof import('@duckdb/duckdb-wasm/blocking');
const DIST = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

/** A fresh in-memory database. */
export async function openNodeDuckDB(): Promise<DuckDBBindings> {
	const bundles = {
		mvp: { mainModule: join(DIST, 'duckdb-mvp.wasm'), mainWorker: join(DIST, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: join(DIST, 'duckdb-eh.wasm'), mainWorker: join(DIST, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate(() => {});
	db.open({});
	return db;
}
