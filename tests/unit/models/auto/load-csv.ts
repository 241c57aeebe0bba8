/** Reads a CSV the way the product does (DuckDB import → Arrow → raw columns), for trainer tests. */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { DataEngine, DEFAULT_CSV_OPTIONS, MemoryStore } from '$workers/data';
import { openNodeDuckDB } from '$workers/data/duckdb-node';
import { rawColumnsFromArrow } from '$workers/train/arrow-columns';
import type { RawColumn } from '$models/shared/columns';

/** The repository's datasets folder (fixed train/test splits included). */
export const DATASETS = new URL('../../../../datasets/', import.meta.url).pathname;

export async function loadCsv(path: string): Promise<RawColumn[]> {
	const engine = new DataEngine(await openNodeDuckDB(), new MemoryStore());
	const bytes = readFileSync(path);
	await engine.loadFile({ fileKey: 'k', fileName: 'data.csv', bytes: new Uint8Array(bytes).buffer }, 't', DEFAULT_CSV_OPTIONS);
	return rawColumnsFromArrow(tableFromIPC((await engine.exportArrow('t')).ipc));
}
