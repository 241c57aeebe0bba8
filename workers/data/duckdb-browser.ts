/**
 * Opens DuckDB-WASM inside this worker with the synchronous ("blocking")
 * bindings: no second worker, and every query runs here, off the main thread.
 * The wasm files come from the package itself (Vite `?url`), never from a CDN.
 */
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { BROWSER_RUNTIME, createDuckDB, VoidLogger } from './duckdb-browser-blocking.js';

/**
 * Instantiates and opens an in-memory database. The blocking build picks the
 * exception-handling (eh) module when the browser supports it, else mvp; it
 * never starts a worker, so `mainWorker` is unused.
 */
export async function openBrowserDuckDB(): Promise<DuckDBBindings> {
	const bundles = {
		mvp: { mainModule: mvpWasm, mainWorker: '' },
		eh: { mainModule: ehWasm, mainWorker: '' }
	};
	const db = await createDuckDB(bundles, new VoidLogger(), BROWSER_RUNTIME);
	await db.instantiate(() => {});
	db.open({});
	return db;
}
