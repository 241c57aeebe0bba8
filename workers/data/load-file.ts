/**
 * The import of one dropped (or stored) file: its format (CSV, a workbook,
 * Parquet, JSON), then for CSV checks, decoding, sniffing and DuckDB's
 * import, for the others a reader in JavaScript; then the column types, and
 * keeping the original bytes for the next visit.
 */
import type { ColumnType, CsvOptions, FileSource, LoadReport, ProgressFn } from './api';
import { assertTextFile, isBlank } from './binary-check';
import { settleColumnTypes } from './column-types';
import { importCsv } from './csv-import';
import { sniffCsv } from './csv-sniff';
import type { Db } from './db';
import { decodeToUtf8 } from './decode';
import { fail, messageOf } from './errors';
import { isJsonFile } from './json-check';
import { readExcel, type ReadResult } from './readers/excel';
import { readJson } from './readers/json';
import { readParquet } from './readers/parquet';
import { fileFormat } from './readers/formats';
import { importTable } from './readers/imported-table';
import { N, partialFileNote, unknownTypedColumnsNote } from './import-notes';
import type { FileStore } from './file-store';
import { describeRelation } from './relations';
import { quoteIdent } from './sql-quote';

async function originalBytes(source: FileSource, store: FileStore): Promise<Uint8Array> {
	if (source.bytes) return new Uint8Array(source.bytes);
	const kept = await store.get(source.fileKey);
	if (!kept) fail(N.fileGone(source.fileName));
	return kept;
}

/** What one reader made of a file: the notes for the user, and what it found (CSV dialect, workbook sheets). */
type ReadNotes = Pick<LoadReport, 'warnings' | 'detected' | 'sheets' | 'sheet'>;

/** A CSV/TSV file: decoded, sniffed and imported by DuckDB's own reader (see `csv-import.ts`). */
function importCsvFile(db: Db, bytes: Uint8Array, source: FileSource, tableName: string, options: CsvOptions, onProgress?: ProgressFn): ReadNotes {
	assertTextFile(bytes, source.fileName);
	onProgress?.({ stage: N.stages.checkingEncoding, fraction: 0 });
	const decoded = decodeToUtf8(bytes, options.encoding, (fraction) => onProgress?.({ stage: N.stages.checkingEncoding, fraction }));
	if (isBlank(decoded.utf8)) fail(N.fileEmpty(source.fileName));

	onProgress?.({ stage: N.stages.detectingFormat });
	const dialect = sniffCsv(decoded.utf8, options.delimiter, options.decimal);

	onProgress?.({ stage: N.stages.importing });
	// CREATE OR REPLACE TABLE cannot replace a view of the same name (e.g. an old SQL result).
	if (db.relationType(tableName) === 'VIEW') db.query(`DROP VIEW ${quoteIdent(tableName)}`);
	const header = dialect.header ? (dialect.records[0] ?? []).map((h) => h.trim()) : [];
	const chosen = chosenTypes(options, header);
	const warnings = [...decoded.warnings, ...importCsv(db, decoded.utf8, dialect, tableName, source.fileName, Object.keys(chosen))];
	warnings.push(...settleColumnTypes(db, tableName, dialect.decimal, chosen));
	return { warnings: [...warnings, ...unknownTypes(options, header)], detected: { delimiter: dialect.delimiter, decimal: dialect.decimal, encoding: decoded.encoding, bom: decoded.bom } };
}

/** The types chosen under "Reading options" for columns this file has. */
function chosenTypes(options: CsvOptions, header: string[]): Record<string, ColumnType> {
	const has = new Set(header);
	return Object.fromEntries(Object.entries(options.columnTypes ?? {}).filter(([name]) => has.has(name)));
}

/** Types chosen for columns this file does not have (another file, a renamed header) are set aside, with a note. */
function unknownTypes(options: CsvOptions, header: string[]): string[] {
	const missing = Object.keys(options.columnTypes ?? {}).filter((name) => !header.includes(name));
	return missing.length ? [unknownTypedColumnsNote(missing)] : [];
}

/** A workbook, a Parquet file or JSON: read in JavaScript, then typed into DuckDB (see `readers/`). */
async function importReadFile(db: Db, format: 'excel' | 'parquet' | 'json', bytes: Uint8Array, source: FileSource, tableName: string, options: CsvOptions, onProgress?: ProgressFn): Promise<ReadNotes> {
	onProgress?.({ stage: format === 'excel' ? N.stages.readingWorkbook : format === 'parquet' ? N.stages.readingParquet : N.stages.readingJson });
	const read = await readWith(format, bytes, source.fileName, options);
	onProgress?.({ stage: N.stages.importing });
	importTable(db, tableName, read.table);
	const header = read.table.columns.map((c) => c.name);
	// Numbers stored as text in a workbook or JSON ("1 234,50 €", "N/A", "12") read as numbers, and the user's types, in one pass.
	const settled = settleColumnTypes(db, tableName, '.', chosenTypes(options, header), { plainTextNumbers: true });
	const warnings = [...read.notes, ...settled, ...unknownTypes(options, header)];
	return { warnings, sheets: read.sheets, sheet: read.sheet };
}

async function readWith(format: 'excel' | 'parquet' | 'json', bytes: Uint8Array, fileName: string, options: CsvOptions): Promise<ReadResult> {
	if (format === 'excel') return readExcel(bytes, fileName, options.sheet ?? '');
	if (format === 'parquet') return readParquet(bytes, fileName);
	// JSON is text: the same decoding as a CSV (UTF-8, UTF-16 or Windows-1252), then records.
	const decoded = decodeToUtf8(bytes, options.encoding);
	const read = readJson(new TextDecoder().decode(decoded.utf8), fileName);
	return { ...read, notes: [...decoded.warnings, ...read.notes] };
}

/** Imports `source` as table `tableName`; see `DataApi.loadFile`. */
export async function loadFile(
	db: Db,
	store: FileStore,
	source: FileSource,
	tableName: string,
	options: CsvOptions,
	onProgress?: ProgressFn
): Promise<LoadReport> {
	const started = performance.now();
	if (!tableName.trim()) fail('invalid tableName: (empty)');
	const name = `"${source.fileName}"`;
	onProgress?.({ stage: N.stages.readingFile, fraction: 0 });
	const read = await originalBytes(source, store);
	// The start of a file too large for the tab: up to its last whole line, so no row is cut in two.
	const partial = source.wholeBytes !== undefined && source.wholeBytes > read.byteLength;
	const bytes = partial ? read.subarray(0, read.lastIndexOf(0x0a) + 1) : read;
	if (isBlank(bytes)) fail(N.fileEmpty(source.fileName));

	const format = fileFormat(source.fileName, bytes, isJsonFile);
	const notes = format === 'csv' ? importCsvFile(db, bytes, source, tableName, options, onProgress) : await importReadFile(db, format, bytes, source, tableName, options, onProgress);
	const warnings = notes.warnings;

	onProgress?.({ stage: N.stages.countingRows });
	const info = describeRelation(db, tableName);
	if (info.rowCount === 0) warnings.push(N.headerOnly(source.fileName));
	if (partial) warnings.push(partialFileNote(name, bytes.byteLength, source.wholeBytes!, info.rowCount));

	if (source.bytes) {
		onProgress?.({ stage: N.stages.keeping });
		try {
			await store.put(source.fileKey, bytes);
		} catch (e) {
			warnings.push(N.notKept(messageOf(e)));
		}
	}
	onProgress?.({ stage: N.stages.done, fraction: 1 });
	return { ...info, fileName: source.fileName, bytes: bytes.byteLength, format, ...notes, warnings, loadMs: performance.now() - started };
}
