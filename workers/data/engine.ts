/**
 * The data worker's logic, free of worker plumbing so unit tests run it in
 * Node on the same DuckDB engine. Receives the DuckDB bindings (or a function
 * that opens them on first use) and the store that keeps dropped files.
 */
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import type {
	TrainingSample,
	LoadBudget,
	MemoryStatus,
	PersonalColumn,
	ArrowBytes,
	ChartDataRequest,
	CsvOptions,
	DataApi,
	FileSource,
	LoadReport,
	ProgressFn,
	PseudonymiseRequest,
	PseudonymiseResult,
	PurchaseSummaryRequest,
	PurchaseSummaryResult,
	QueryRows,
	RfmRequest,
	RfmResult,
	RowsPage,
	SortSpec,
	SqlResult,
	StoredFile,
	TableInfo,
	TableProfile
} from './api';
import { tableFromIPC } from 'apache-arrow';
import { exportCsv, type CsvDialect } from './csv-export';
import { speak } from '../shared/language';
import { Db } from './db';
import { fail } from './errors';
import type { FileStore } from './file-store';
import { loadFile } from './load-file';
import { PageOrder } from './page-order';
import { loadVerdict, memoryStatus } from './memory';
import { stratifiedSampleSql } from './sample';
import { relationColumns } from './writers/relation-columns';
import { toParquet } from './writers/parquet';
import { sheetTitle, toXlsx } from './writers/xlsx';
import { personalColumns } from './personal-data';
import { profileRelation } from './profile';
import { pseudonymise } from './pseudonymise';
import { purchaseSummary } from './purchase-summary';
import { rfmSegments } from './rfm';
import { columnsOf, describeRelation, pageOf, rowCountOf } from './relations';
import { queryRows } from './query-rows';
import { runSqlCell } from './sql-cell';
import { scoresToIpc, writeScored, type ScoreColumns } from './scores';
import { quoteIdent } from './sql-quote';
import { arrowExpression } from './values';

/** Seed of chart samples: the same table gives the same sample every time. */
const SAMPLE_SEED = 42;

export class DataEngine implements DataApi {
	#open: () => Promise<DuckDBBindings>;
	#db: Promise<Db> | null = null;
	#store: FileStore;
	#order = new PageOrder();

	/** @param bindings instantiated DuckDB bindings, or a function opening them on first use */
	constructor(bindings: DuckDBBindings | (() => Promise<DuckDBBindings>), store: FileStore) {
		this.#open = typeof bindings === 'function' ? bindings : async () => bindings;
		this.#store = store;
	}

	#ready(): Promise<Db> {
		if (!this.#db) {
			this.#db = this.#open().then((b) => new Db(b));
			this.#db.catch(() => (this.#db = null)); // let a later call retry a failed start
		}
		return this.#db;
	}

	async init(): Promise<{ duckdbVersion: string }> {
		const db = await this.#ready();
		return { duckdbVersion: db.bindings.getVersion() };
	}

	async loadFile(source: FileSource, tableName: string, options: CsvOptions, onProgress?: ProgressFn): Promise<LoadReport> {
		const db = await this.#ready();
		this.#order.invalidate(db);
		return loadFile(db, this.#store, source, tableName, options, onProgress);
	}

	async setLocale(locale: string): Promise<void> {
		speak(locale);
	}

	async memoryStatus(): Promise<MemoryStatus> {
		return memoryStatus(await this.#ready());
	}

	async loadBudget(fileBytes: number): Promise<LoadBudget> {
		return loadVerdict(memoryStatus(await this.#ready()), fileBytes);
	}

	async hasStoredFile(fileKey: string): Promise<boolean> {
		return this.#store.has(fileKey);
	}

	async deleteStoredFile(fileKey: string): Promise<void> {
		await this.#store.delete(fileKey);
	}

	async storedFiles(): Promise<StoredFile[]> {
		return this.#store.list();
	}

	async readStoredFile(fileKey: string): Promise<Uint8Array | null> {
		return this.#store.get(fileKey);
	}

	async keepFile(fileKey: string, bytes: Uint8Array): Promise<void> {
		await this.#store.put(fileKey, bytes);
	}

	async personalData(relation: string): Promise<PersonalColumn[]> {
		return personalColumns(await this.#ready(), relation);
	}

	async runSql(sql: string, viewName: string, runId = ''): Promise<SqlResult> {
		const db = await this.#ready();
		this.#order.invalidate(db); // the SQL may change any table
		return runSqlCell(db, sql, viewName, runId);
	}

	async cancelSql(runId: string): Promise<void> {
		(await this.#ready()).long.cancel(runId);
	}

	async queryRows(sql: string, maxRows: number): Promise<QueryRows> {
		return queryRows(await this.#ready(), sql, maxRows);
	}

	async describe(relation: string): Promise<TableInfo> {
		return describeRelation(await this.#ready(), relation);
	}

	async listRelations(): Promise<string[]> {
		return (await this.#ready()).relationNames();
	}

	async page(relation: string, offset: number, limit: number, sort?: SortSpec): Promise<RowsPage> {
		return pageOf(await this.#ready(), this.#order, relation, offset, limit, sort);
	}

	async profile(relation: string, onProgress?: ProgressFn): Promise<TableProfile> {
		return profileRelation(await this.#ready(), relation, onProgress);
	}

	async chartData(request: ChartDataRequest): Promise<ArrowBytes> {
		const db = await this.#ready();
		const { relation, maxRows } = request;
		if (!Number.isInteger(maxRows) || maxRows < 1) fail(`invalid maxRows: ${maxRows}`);
		const all = columnsOf(db, relation);
		const columns = request.columns.map((name) => all.find((c) => c.name === name) ?? fail(`There is no column named "${name}" in ${relation}.`));
		if (!columns.length) fail('invalid columns: (none)');
		const total = rowCountOf(db, relation);
		const sampled = total > maxRows;
		const sample = sampled ? ` USING SAMPLE reservoir(${maxRows} ROWS) REPEATABLE (${SAMPLE_SEED})` : '';
		const ipc = db.ipc(`SELECT ${columns.map(arrowExpression).join(', ')} FROM ${quoteIdent(relation)}${sample}`);
		return { ipc, rowCount: Math.min(total, maxRows), sampled };
	}

	async exportArrow(relation: string, sample?: TrainingSample): Promise<ArrowBytes> {
		const db = await this.#ready();
		const columns = columnsOf(db, relation);
		const rowCount = rowCountOf(db, relation);
		const select = columns.map(arrowExpression).join(', ');
		if (!sample || rowCount <= sample.rows) return { ipc: db.ipc(`SELECT ${select} FROM ${quoteIdent(relation)}`), rowCount, sampled: false, sentRows: rowCount };
		const ipc = db.ipc(`SELECT ${select} FROM (${stratifiedSampleSql(relation, rowCount, sample)})`);
		// Rounding per target value may give a few rows more or less than asked: the count is the batch's own.
		return { ipc, rowCount, sampled: true, sentRows: tableFromIPC(ipc).numRows };
	}

	async distinctValues(relation: string, column: string, limit: number): Promise<{ value: string; count: number }[]> {
		const db = await this.#ready();
		const col = quoteIdent(column);
		const rows = db.query(
			`SELECT CAST(${col} AS VARCHAR) AS value, count(*)::DOUBLE AS count FROM ${quoteIdent(relation)}
			 WHERE ${col} IS NOT NULL GROUP BY 1 ORDER BY count DESC, value LIMIT ${Math.max(1, Math.floor(limit))}`
		);
		return rows.toArray().map((r) => ({ value: String(r.value), count: Number(r.count) }));
	}

	async writeScored(source: string, outName: string, columns: ScoreColumns): Promise<TableInfo> {
		const db = await this.#ready();
		return writeScored(db, source, outName, scoresToIpc(columns));
	}

	async rfm(request: RfmRequest): Promise<RfmResult> {
		const db = await this.#ready();
		this.#order.invalidate(db); // replaces table outName
		return rfmSegments(db, request);
	}

	async purchaseSummary(request: PurchaseSummaryRequest): Promise<PurchaseSummaryResult> {
		const db = await this.#ready();
		this.#order.invalidate(db); // replaces table outName
		return purchaseSummary(db, request);
	}

	async pseudonymise(request: PseudonymiseRequest): Promise<PseudonymiseResult> {
		const db = await this.#ready();
		this.#order.invalidate(db); // replaces table outName
		return pseudonymise(db, request);
	}

	async exportTable(relation: string, format: 'xlsx' | 'parquet'): Promise<Uint8Array> {
		const columns = relationColumns(await this.#ready(), relation);
		if (format === 'xlsx') return toXlsx(columns, sheetTitle(relation));
		if (format === 'parquet') return toParquet(columns);
		fail(`Unknown export format: ${String(format)}`);
	}

	async exportCsv(relation: string, dialect: CsvDialect = 'standard'): Promise<Uint8Array> {
		return exportCsv(await this.#ready(), relation, dialect);
	}

	async dropRelation(name: string): Promise<void> {
		const db = await this.#ready();
		this.#order.invalidate(db);
		const type = db.relationType(name);
		if (type === 'VIEW') db.query(`DROP VIEW ${quoteIdent(name)}`);
		else if (type) db.query(`DROP TABLE ${quoteIdent(name)}`);
	}

	async eraseAll(): Promise<void> {
		const db = await this.#ready();
		// DuckDB views bind by name at query time, so dropping in any order is safe.
		for (const name of db.relationNames()) await this.dropRelation(name);
		await this.#store.clear();
	}
}
