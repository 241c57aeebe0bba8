/** A DataEngine on Node DuckDB with an in-memory store, and byte helpers for CSV cases. */
import { DataEngine, DEFAULT_CSV_OPTIONS, MemoryStore, type CsvOptions, type LoadReport } from '$workers/data';
import { openNodeDuckDB } from '$workers/data/duckdb-node';

export async function newEngine(): Promise<{ engine: DataEngine; store: MemoryStore }> {
	const store = new MemoryStore();
	const engine = new DataEngine(await openNodeDuckDB(), store);
	await engine.init();
	return { engine, store };
}

/** A fresh ArrayBuffer (the engine may keep or transfer it). */
export function bytesOf(content: string | Uint8Array | Buffer): ArrayBuffer {
	const view = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	return new Uint8Array(view).buffer;
}

/** Loads `content` as file `fileName` into table `table`. */
export function load(
	engine: DataEngine,
	fileName: string,
	content: string | Uint8Array | Buffer,
	table = 't',
	options: Partial<CsvOptions> = {}
): Promise<LoadReport> {
	return engine.loadFile({ fileKey: `key:${fileName}`, fileName, bytes: bytesOf(content) }, table, { ...DEFAULT_CSV_OPTIONS, ...options });
}
