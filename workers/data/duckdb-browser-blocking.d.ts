/** Types of the browser blocking build (see duckdb-browser-blocking.js for why this shim exists). */
import type { DuckDBBindings, DuckDBBundles, DuckDBRuntime, Logger } from '@duckdb/duckdb-wasm/blocking';

export { VoidLogger, ConsoleLogger } from '@duckdb/duckdb-wasm/blocking';
export declare const BROWSER_RUNTIME: DuckDBRuntime;
export declare function createDuckDB(bundles: DuckDBBundles, logger: Logger, runtime: DuckDBRuntime): Promise<DuckDBBindings>;
