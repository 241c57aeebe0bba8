/**
 * Reads a data file from Node the way the workbench does: DuckDB (the data
 * worker's `DataEngine` with the default CSV options), then the columns the
 * trainers take. Shared by the evaluation and pretraining commands.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { DataEngine, DEFAULT_CSV_OPTIONS, MemoryStore } from '../workers/data';
import { openNodeDuckDB } from '../workers/data/duckdb-node';
import { rawColumnsFromArrow } from '../workers/train/arrow-columns';
import { rowCount, textAt, type RawColumn } from '../models/shared';

/** A data engine on Node's DuckDB holding `file` as table `table`, for commands that run the data worker's SQL. */
export async function loadEngine(file: string, table: string): Promise<DataEngine> {
	const engine = new DataEngine(await openNodeDuckDB(), new MemoryStore());
	await engine.init();
	const bytes = readFileSync(file);
	await engine.loadFile({ fileKey: 'cli', fileName: basename(file), bytes: new Uint8Array(bytes).buffer }, table, DEFAULT_CSV_OPTIONS);
	return engine;
}

/** A relation of the engine as the columns the trainers take. */
export async function relationColumns(engine: DataEngine, relation: string): Promise<RawColumn[]> {
	return rawColumnsFromArrow(tableFromIPC((await engine.exportArrow(relation)).ipc));
}

export async function loadTable(file: string): Promise<RawColumn[]> {
	return relationColumns(await loadEngine(file, 'customers'), 'customers');
}

/** The table as one record per row, every value as text ('' when missing). */
export async function loadRecords(file: string): Promise<Record<string, string>[]> {
	const columns = await loadTable(file);
	return Array.from({ length: rowCount(columns) }, (_, row) => Object.fromEntries(columns.map((c) => [c.name, textAt(c, row) ?? ''])));
}
