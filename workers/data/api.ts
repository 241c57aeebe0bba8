/**
 * The data worker's public interface: DuckDB-WASM runs inside this worker
 * (synchronous "blocking" bindings), so file decoding, CSV import, profiling
 * and query paging never touch the main thread.
 *
 * Everything here is structured-cloneable. Callbacks arrive wrapped in
 * `Comlink.proxy`; Arrow results are IPC bytes sent with `Comlink.transfer`.
 */

/** CSV reading choices; 'auto' lets the importer sniff the file. */
export interface CsvOptions {
	delimiter: 'auto' | ',' | ';' | '\t' | '|';
	decimal: 'auto' | '.' | ',';
	encoding: 'auto' | 'utf-8' | 'windows-1252';
	/** The user's type for some columns (by name); the others are detected. Absent in older notebooks. */
	columnTypes?: Record<string, ColumnType>;
	/** The sheet of a workbook to read ('' or absent: the one with the most data). */
	sheet?: string;
	/** Load only the first this many bytes of the file, up to its last whole line (a file too large for the tab); absent = all. */
	maxBytes?: number;
}

/** Types a user may choose for a column under "Reading options". */
export const COLUMN_TYPES = ['text', 'integer', 'decimal', 'date'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** How much data the tab holds and may hold (see `workers/data/memory.ts`). */
export interface MemoryStatus {
	/** What DuckDB's tables and buffers take now. */
	usedBytes: number;
	/** The size of DuckDB's WebAssembly heap (it grows, never shrinks); null when unknown. */
	heapBytes: number | null;
	/** DuckDB's memory_limit, at most the ceiling. */
	limitBytes: number;
	/** The WebAssembly ceiling: 4 GiB. */
	ceilingBytes: number;
	/** The machine's memory as the browser reports it (coarse); null when it does not. */
	deviceBytes: number | null;
}

/** A file that will not fit in the tab now: refused before it is read, with the start of it that would. */
export interface LoadBudget {
	fits: boolean;
	/** About what loading it needs. */
	needBytes: number;
	/** What the tab can still take. */
	roomBytes: number;
	/** The largest start of the file that fits (whole megabytes). */
	fittingBytes: number;
}

export const DEFAULT_CSV_OPTIONS: CsvOptions = { delimiter: 'auto', decimal: 'auto', encoding: 'auto' };

/** One column of a table or view as DuckDB types it (e.g. `BIGINT`, `DOUBLE`, `VARCHAR`). */
export interface ColumnInfo {
	name: string;
	type: string;
}

/** Shape of a relation (table or view). */
export interface TableInfo {
	name: string;
	rowCount: number;
	columns: ColumnInfo[];
}

/** What the importer decided while reading a file, shown under the data cell. */
export interface LoadReport extends TableInfo {
	fileName: string;
	bytes: number;
	/** Which reader read it. */
	format: 'csv' | 'excel' | 'parquet' | 'json';
	/** The sheets of a workbook, with their data sizes (the one read is `sheet`). */
	sheets?: { name: string; rows: number; columns: number }[];
	sheet?: string;
	/** What the CSV reader detected (CSV files only). */
	detected?: {
		delimiter: ',' | ';' | '\t' | '|';
		decimal: '.' | ',';
		encoding: 'utf-8' | 'windows-1252';
		bom: boolean;
	};
	/** Plain-language notes, e.g. "3 rows had fewer fields than the header; the missing fields are empty." */
	warnings: string[];
	loadMs: number;
}

/** A file to import: fresh bytes from a drop, or a key of a file already kept in browser storage. */
export interface FileSource {
	/** Stable key under which the original bytes are kept in OPFS. */
	fileKey: string;
	fileName: string;
	/** Present on first load (transferred); absent when restoring from storage. */
	bytes?: ArrayBuffer;
	/** The whole file's size when `bytes` is only its start (`CsvOptions.maxBytes`): cut at its last whole line. */
	wholeBytes?: number;
}

/** A file kept in browser storage (OPFS) under its data cell's key. */
export interface StoredFile {
	key: string;
	bytes: number;
}

/** Progress of a long operation; `fraction` is absent while the stage is indeterminate. */
export interface Progress {
	stage: string;
	fraction?: number;
}
export type ProgressFn = (p: Progress) => void;

/** A cell of a preview page: numbers stay numbers, BIGINTs become numbers, dates ISO strings. */
export type CellValue = string | number | boolean | null;

/** A window of rows for the virtualised preview grid. */
export interface RowsPage {
	offset: number;
	rows: CellValue[][];
	/** Total rows of the relation (for the scroll height). */
	rowCount: number;
}

/** Sort order of a preview. */
export interface SortSpec {
	column: string;
	descending: boolean;
}

/** Result of a SQL cell: when the SQL is a query it is saved as view `viewName`. */
export interface SqlResult {
	/** The view created for the result, or null for statements that return no relation. */
	viewName: string | null;
	info: TableInfo | null;
	/** Tables and views the SQL reads (for re-running when they change). */
	reads: string[];
	/** Message for statements without a result set ("Statement executed."). */
	message?: string;
	elapsedMs: number;
}

/** Profile of one column. */
export interface ColumnProfile {
	name: string;
	type: string;
	kind: 'numeric' | 'text' | 'boolean' | 'temporal' | 'other';
	missing: number;
	missingPct: number;
	distinct: number;
	numeric?: {
		min: number;
		max: number;
		mean: number;
		std: number;
		q1: number;
		median: number;
		q3: number;
		/** IQR rule: values below q1 - 1.5 IQR or above q3 + 1.5 IQR; 0 for few-valued columns (0/1, ratings). */
		outliers: number;
	};
	/** Equal-width histogram of numeric values. */
	histogram?: { x0: number; x1: number; count: number }[];
	/** Most frequent values (text, boolean, or low-cardinality numbers). */
	topValues?: { value: string; count: number }[];
	flags: ColumnFlag[];
	/** Personal data seen in a sample of the values (kind, confidence, masked examples); null when none. */
	personal?: PersonalDataFlag | null;
}

export type { PersonalDataFlag, PersonalDataKind } from './pii';
import type { PersonalDataFlag } from './pii';
import type { CsvDialect } from './csv-export';
export type { CsvDialect };

/** A column found to hold personal data, with the detector's flag. */
export interface PersonalColumn extends PersonalDataFlag {
	column: string;
}

export type ColumnFlag = 'constant' | 'id-like' | 'mostly-missing' | 'all-missing' | 'target-like';

/** Profile of a whole relation. */
export interface TableProfile {
	table: string;
	rowCount: number;
	duplicateRows: number;
	columns: ColumnProfile[];
	/** Pearson correlation of numeric columns: `matrix[i][j]` for `numericColumns[i]`, `[j]`. */
	correlation: { columns: string[]; matrix: (number | null)[][] };
	elapsedMs: number;
}

/** Columns and row cap for a chart; the result comes back as Arrow IPC bytes. */
export interface ChartDataRequest {
	relation: string;
	columns: string[];
	/** Above this many rows a reproducible sample is drawn (`USING SAMPLE ... REPEATABLE`). */
	maxRows: number;
}

export interface ArrowBytes {
	ipc: Uint8Array;
	/** Rows of the relation (more than were sent when `sampled`). */
	rowCount: number;
	sampled: boolean;
	/** Rows sent (fewer than `rowCount` when sampled). */
	sentRows?: number;
}

/**
 * At most `rows` rows for a training job, the same share of each value of
 * `stratify` (the target) as in the whole table, the same rows on every call.
 */
export interface TrainingSample {
	rows: number;
	stratify?: string;
}

/** Columns and reference date for an RFM segmentation of a transactions table. */
export interface RfmRequest {
	/** Transactions table or view: one row per purchase. */
	source: string;
	/** Column of customer ids. */
	customer: string;
	/** Column of purchase dates: DATE/TIMESTAMP, or text such as 2024-03-31, 31/03/2024, 31.03.2024, 03/31/2024. */
	date: string;
	/** Column of amounts: numbers, or text with a decimal comma ("12,50"). */
	amount: string;
	/** Reference date for recency (ISO, e.g. "2024-04-01"); default: the day after the latest purchase. */
	asOf?: string | null;
	/** Table created (or replaced) with one row per customer. */
	outName: string;
}

/** A segment and the rule that puts a customer in it, e.g. `{ segment: 'Champions', rule: 'R = 5 and F ≥ 4' }`. */
export interface RfmSegmentRule {
	segment: string;
	rule: string;
	description: string;
}

/** Outcome of `rfm`: the per-customer table and a summary per segment. */
export interface RfmResult {
	/**
	 * Table `outName`: customer, recency_days, frequency, monetary, r_score, f_score, m_score
	 * (1..5, quintiles where equal values share a score; most recent, most often, most spent = 5), rfm_score (e.g. "545"), segment.
	 */
	info: TableInfo;
	/** ISO date recency was counted to. */
	asOf: string;
	/** Segment rules in priority order: the first matching rule wins. */
	rules: RfmSegmentRule[];
	/** Non-empty segments in rule order; `share` is a fraction of customers, the other figures means. */
	segments: { segment: string; customers: number; share: number; recency: number; frequency: number; monetary: number }[];
	/** Rows whose date was missing or could not be parsed; they are left out. */
	unparsedDates: number;
	/** Plain-language notes, e.g. which date order was chosen for ambiguous dates. */
	notes: string[];
}

/** The time unit of recency, T and predictions in the lifetime value cell. */
export type ValueUnit = 'day' | 'week' | 'month';

/** A purchase log summarised per customer for the BG/NBD and Gamma-Gamma models. */
export interface PurchaseSummaryRequest {
	/** Transactions table or view: one row per purchase. */
	source: string;
	/** Columns as for RFM: customer ids, purchase dates (any format RFM reads), amounts. */
	customer: string;
	date: string;
	amount: string;
	/** Last day of the calibration period (ISO); default: the latest purchase. */
	calibrationEnd?: string | null;
	/** Last day of the holdout period (ISO); default: the latest purchase when it is after the calibration end, else none. */
	holdoutEnd?: string | null;
	unit: ValueUnit;
	/** Table created (or replaced), one row per customer ordered by customer. */
	outName: string;
}

/** Outcome of `purchaseSummary`. */
export interface PurchaseSummaryResult {
	/**
	 * Table `outName`: the customer column (named as in the source), first_purchase, frequency (repeat purchase days
	 * up to the calibration end), recency and T (in units), monetary_value (mean amount of the repeat purchase days; 0 without one),
	 * and holdout_frequency (repeat purchase days in the holdout) when there is a holdout.
	 */
	info: TableInfo;
	calibrationEnd: string;
	holdoutEnd: string | null;
	/** Days in one unit (7 for weeks). */
	unitDays: number;
	/** The first purchase of the log (ISO): time 0 of the tracking chart. */
	firstDay: string;
	/** Units from the first purchase of the log to the calibration end. */
	calibrationPeriods: number;
	/** Units of the holdout; null without one. */
	holdoutPeriods: number | null;
	/** Customers by first purchase, in units since `firstDay`. */
	births: { at: number; customers: number }[];
	/** Repeat purchase days by whole unit since `firstDay` (calibration customers only). */
	repeats: { period: number; repeats: number }[];
	notes: string[];
}

/** What becomes of a column in a pseudonymised table. */
export type PrivacyAction = 'keep' | 'token' | 'mask' | 'generalise' | 'drop';

export interface PseudonymiseRequest {
	source: string;
	outName: string;
	/** Hex key of the keyed tokens (HMAC-SHA-256), kept in the notebook: same secret, same token. */
	secret: string;
	/** Action per column (absent = keep). */
	actions: Record<string, PrivacyAction>;
	/** Columns an outsider could know (age, postcode, sex…): the k-anonymity check groups by them. */
	quasiIdentifiers: string[];
}

/** k = the smallest group of rows sharing the quasi-identifiers' values; unique rows are groups of one. */
export interface KAnonymity {
	columns: string[];
	k: number;
	uniqueRows: number;
	groups: number;
}

export interface PseudonymiseResult {
	info: TableInfo;
	kAnonymity: KAnonymity | null;
}

/** Rows of a query answered as plain values (see `DataApi.queryRows`). */
export interface QueryRows {
	columns: string[];
	rows: CellValue[][];
}

export interface DataApi {
	/** Starts DuckDB (idempotent); returns its version. */
	init(): Promise<{ duckdbVersion: string }>;
	/** Imports a CSV/TSV file as table `tableName` (replacing it), keeping its bytes in OPFS. */
	loadFile(source: FileSource, tableName: string, options: CsvOptions, onProgress?: ProgressFn): Promise<LoadReport>;
	/** How much data the tab holds and may hold. */
	memoryStatus(): Promise<MemoryStatus>;
	/** Words the worker's notes and errors in `locale` ("en", "fr") from now on. */
	setLocale(locale: string): Promise<void>;
	/** Whether a file of `fileBytes` fits in the tab now (asked before reading it). */
	loadBudget(fileBytes: number): Promise<LoadBudget>;
	/** Whether the bytes of `fileKey` are kept in browser storage. */
	hasStoredFile(fileKey: string): Promise<boolean>;
	/** Forgets a kept file (when its data cell or notebook is deleted). */
	deleteStoredFile(fileKey: string): Promise<void>;
	/** Every kept file and its size; DuckDB need not be started. */
	storedFiles(): Promise<StoredFile[]>;
	/** Runs a SQL cell; a query is saved as view `viewName`. Errors are worded for users. */
	runSql(sql: string, viewName: string, runId?: string): Promise<SqlResult>;
	/** Stops the SQL run `runId` (given to `runSql`) within a second; it then rejects with a CancelledError. */
	cancelSql(runId: string): Promise<void>;
	/** At most `maxRows` rows of one read-only query (a cell's KPIs, counts by group), with no view created. */
	queryRows(sql: string, maxRows: number): Promise<QueryRows>;
	/** Shape of a table or view. */
	describe(relation: string): Promise<TableInfo>;
	/** Names of every table and view. */
	listRelations(): Promise<string[]>;
	/** Rows `offset .. offset+limit` of a relation in the given order. */
	page(relation: string, offset: number, limit: number, sort?: SortSpec): Promise<RowsPage>;
	/** Profile of every column, computed by SQL. */
	profile(relation: string, onProgress?: ProgressFn): Promise<TableProfile>;
	/** Chart input as Arrow IPC bytes (transferred). */
	chartData(request: ChartDataRequest): Promise<ArrowBytes>;
	/** A relation as Arrow IPC bytes (transferred), e.g. for the training worker. */
	exportArrow(relation: string, sample?: TrainingSample): Promise<ArrowBytes>;
	/**
	 * Creates table `outName`: the rows of `source` in scan order (as `exportArrow` sent them)
	 * with the prediction `columns` (one value per source row) beside them.
	 */
	writeScored(source: string, outName: string, columns: Record<string, Float64Array | string[]>): Promise<TableInfo>;
	/** The most frequent non-missing values of a column as text, with their counts (at most `limit`). */
	distinctValues(relation: string, column: string, limit: number): Promise<{ value: string; count: number }[]>;
	/** RFM segmentation of a transactions table, computed in SQL into table `request.outName`. */
	rfm(request: RfmRequest): Promise<RfmResult>;
	/** Purchase summary per customer (BG/NBD input) of a transactions table, in SQL, into table `request.outName`. */
	purchaseSummary(request: PurchaseSummaryRequest): Promise<PurchaseSummaryResult>;
	/** The columns of a relation that hold personal data (the profile's detectors, without the rest of a profile). */
	personalData(relation: string): Promise<PersonalColumn[]>;
	/** The bytes of a kept file (a self-contained notebook file carries them); null when none is kept under `fileKey`. */
	readStoredFile(fileKey: string): Promise<Uint8Array | null>;
	/** Keeps `bytes` under `fileKey` (a notebook file being opened brings its tables' files). */
	keepFile(fileKey: string, bytes: Uint8Array): Promise<void>;
	/** A pseudonymised, minimised copy of a table (keyed tokens, masks, generalisations, dropped columns) and its k-anonymity. */
	pseudonymise(request: PseudonymiseRequest): Promise<PseudonymiseResult>;
	/** A relation as an XLSX workbook or a Parquet file (for export). */
	exportTable(relation: string, format: 'xlsx' | 'parquet'): Promise<Uint8Array>;
	/** A relation as CSV text bytes (for export): `standard` (`,` and `.`) or `semicolon` (`;` and a decimal comma, for French Excel). */
	exportCsv(relation: string, dialect?: CsvDialect): Promise<Uint8Array>;
	/** Drops a table or view if it exists. */
	dropRelation(name: string): Promise<void>;
	/** Drops every table and view and erases every kept file. */
	eraseAll(): Promise<void>;
}
