/**
 * Main-thread client of the data worker (DuckDB-WASM). The worker, and the
 * 33 MB of wasm with it, is created on first use only, once per page.
 * Components use these functions; they never call `new Worker` themselves.
 * Errors thrown by the worker arrive as `Error`s with user-worded messages.
 */
import type { Table } from 'apache-arrow';
import * as Comlink from 'comlink';
import dataWorkerUrl from '$workers/data/worker.ts?worker&url';
import { startPolicyWorker } from '$workers/shared/policy-worker';
import { withProgress } from './progress';
import type { ChartDataRequest, CsvDialect, CsvOptions, DataApi, LoadBudget, LoadReport, Progress, ProgressFn, TableProfile } from '$workers/data/api';

export type {
	CellValue,
	ChartDataRequest,
	ColumnFlag,
	ColumnInfo,
	ColumnProfile,
	ColumnType,
	CsvOptions,
	LoadBudget,
	LoadReport,
	MemoryStatus,
	Progress,
	ProgressFn,
	KAnonymity,
	PersonalDataFlag,
	PersonalDataKind,
	PrivacyAction,
	PseudonymiseResult,
	PurchaseSummaryRequest,
	PurchaseSummaryResult,
	QueryRows,
	RfmResult,
	RowsPage,
	SortSpec,
	SqlResult,
	StoredFile,
	TableInfo,
	TableProfile,
	ValueUnit
} from '$workers/data/api';
export { COLUMN_TYPES, DEFAULT_CSV_OPTIONS } from '$workers/data/api';
export { sanitizeTableName } from '$workers/data/table-name';
export { csvField, safeCsvText } from '$workers/data/formula-safe';
export { quoteIdent, quoteString } from '$workers/data/sql-quote';
export { isCancelledError } from './cancelled';

let remote: Comlink.Remote<DataApi> | null = null;
let worker: Worker | null = null;
let started: Promise<{ duckdbVersion: string }> | null = null;

/** The worker's proxy, creating the worker on the first call. */
export function getData(): Comlink.Remote<DataApi> {
	if (!remote) {
		worker = startPolicyWorker(dataWorkerUrl, 'data');
		remote = Comlink.wrap<DataApi>(worker);
		void remote.setLocale(spoken);
	}
	return remote;
}

/** The page's language, sent to the worker when it starts and on each switch. */
let spoken = 'en';

/** Words the worker's notes and errors in `locale` from now on (told at its start when it has not started yet). */
export function setDataLocale(locale: string): void {
	spoken = locale;
	if (remote) void remote.setLocale(locale);
}

/** True once something has started the worker. */
export function isDataStarted(): boolean {
	return remote !== null;
}

/**
 * Ends the worker at once, with its tables and any file write in progress
 * (another tab is deleting all local data: nothing of this tab may be kept
 * after it). A later call starts a fresh one.
 */
export function stopData(): void {
	worker?.terminate();
	worker = null;
	remote = null;
	started = null;
}

/** Starts DuckDB; later calls share the first answer (a failure may be retried). */
export function startData(): Promise<{ duckdbVersion: string }> {
	if (!started) {
		started = getData().init();
		started.catch(() => (started = null));
	}
	return started;
}

/** A file too large for the tab's memory now: refused before it is read (the data cell offers to load its start). */
export class FileTooLargeError extends Error {
	override name = 'FileTooLargeError';
	constructor(
		readonly fileName: string,
		readonly fileBytes: number,
		readonly budget: LoadBudget
	) {
		super(`The file "${fileName}" is too large for this tab's memory.`);
	}
}

/**
 * Imports a dropped file as table `tableName`. The file's bytes are moved to
 * the worker (not copied), which keeps them in browser storage under `fileKey`
 * (pass the data cell's key to re-import after a reload).
 */
export async function loadFile(
	file: File,
	tableName: string,
	options: CsvOptions,
	onProgress?: ProgressFn,
	fileKey: string = crypto.randomUUID()
): Promise<LoadReport> {
	// Asked before a byte is read: a file the tab cannot hold is refused while the tab is still well.
	const wanted = options.maxBytes ? Math.min(options.maxBytes, file.size) : file.size;
	const budget = await getData().loadBudget(wanted);
	if (!budget.fits) throw new FileTooLargeError(file.name, file.size, budget);
	onProgress?.({ stage: 'Reading file' });
	const bytes = await file.slice(0, wanted).arrayBuffer();
	const source = { fileKey, fileName: file.name, bytes, wholeBytes: file.size };
	return withProgress(onProgress, (progress) => getData().loadFile(Comlink.transfer(source, [bytes]), tableName, options, progress));
}

/**
 * Imports a data cell's file: the fresh `file` when the user just dropped it,
 * else the copy kept in browser storage under `fileKey`.
 */
export async function loadTable(
	source: { fileKey: string; fileName: string; file?: File },
	tableName: string,
	options: CsvOptions,
	onProgress?: ProgressFn
): Promise<LoadReport> {
	if (source.file) return loadFile(source.file, tableName, options, onProgress, source.fileKey);
	return withProgress(onProgress, (progress) => getData().loadFile({ fileKey: source.fileKey, fileName: source.fileName }, tableName, options, progress));
}

/** Profile of a table or view, with progress. */
export function profileTable(relation: string, onProgress?: ProgressFn): Promise<TableProfile> {
	return withProgress(onProgress, (progress) => getData().profile(relation, progress));
}

/** Chart input as an Arrow table (sampled reproducibly above `maxRows`). */
export async function chartTable(request: ChartDataRequest): Promise<{ table: Table; rowCount: number; sampled: boolean }> {
	const { ipc, rowCount, sampled } = await getData().chartData(request);
	// Arrow loads with the first chart, not with the first page.
	const { tableFromIPC } = await import('apache-arrow');
	return { table: tableFromIPC(ipc), rowCount, sampled };
}

/** A relation as a CSV file Blob, ready for a download link (`semicolon`: `;` and a decimal comma, for French Excel). */
export async function exportCsvBlob(relation: string, dialect: CsvDialect = 'standard'): Promise<Blob> {
	const bytes = await getData().exportCsv(relation, dialect);
	return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv;charset=utf-8' });
}

/** `csv-semicolon`: a CSV that Excel set to French opens into columns (saved as `.csv`). */
export type TableFormat = 'csv' | 'csv-semicolon' | 'xlsx' | 'parquet';

const MEDIA_TYPES: Record<TableFormat, string> = {
	csv: 'text/csv;charset=utf-8',
	'csv-semicolon': 'text/csv;charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	parquet: 'application/vnd.apache.parquet'
};

/** A relation as a file Blob in `format`, written in the data worker. */
export async function exportTableBlob(relation: string, format: TableFormat): Promise<Blob> {
	if (format === 'csv' || format === 'csv-semicolon') return exportCsvBlob(relation, format === 'csv' ? 'standard' : 'semicolon');
	const bytes = await getData().exportTable(relation, format);
	return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MEDIA_TYPES[format] });
}

/** Writes `outName` = rows of `source` + prediction columns (see DataApi.writeScored). */
export function writeScoredTable(source: string, outName: string, columns: Record<string, Float64Array | string[]>) {
	return getData().writeScored(source, outName, columns);
}

/** At most `maxRows` rows of one read-only query, computed in the data worker (KPIs, counts by group). */
export function queryRows(sql: string, maxRows = 1000) {
	return getData().queryRows(sql, maxRows);
}

/** A relation as Arrow IPC bytes (e.g. to hand to the training worker). */
export async function relationArrow(relation: string): Promise<Uint8Array> {
	return (await getData().exportArrow(relation)).ipc;
}

/**
 * What a kept result was computed from: the relation's name, shape and column
 * types plus the settings used. A result whose fingerprint differs is stale.
 */
export async function relationFingerprint(relation: string, settings: unknown): Promise<string> {
	const info = await getData().describe(relation);
	return JSON.stringify({ table: relation, rows: info.rowCount, columns: info.columns, request: settings });
}

/** Tables above this many rows are sampled for training (stratified by the target): the tab's memory is bounded. */
export const TRAINING_ROWS = 500_000;

/**
 * A relation as Arrow bytes for a training job: whole up to `TRAINING_ROWS`
 * rows, else a stratified sample of that many (`sampled` says so, with the sizes).
 */
export async function trainingArrow(relation: string, target: string): Promise<{ ipc: Uint8Array; rowCount: number; sentRows: number; sampled: boolean }> {
	const sent = await getData().exportArrow(relation, { rows: TRAINING_ROWS, stratify: target || undefined });
	return { ipc: sent.ipc, rowCount: sent.rowCount, sentRows: sent.sentRows ?? sent.rowCount, sampled: sent.sampled };
}
