// The package's "exports" map omits dist/duckdb-browser-blocking.mjs (and maps
// "./blocking" to a file that does not exist for browsers), so Vite cannot
// import it by package name. This re-export reaches it by path; TypeScript
// reads the sibling .d.ts instead.
export * from '../../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs';
