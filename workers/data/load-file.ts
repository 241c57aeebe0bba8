/**
 * The import of one dropped (or stored) file: checks, decoding, sniffing,
 * DuckDB import, and keeping the original bytes for the next visit.
 */
import type { CsvOptions, FileSource, LoadReport, ProgressFn } from './api';
import { assertTextFile, isBlank } from './binary-check';
import { settleColumnTypes } from './column-types';
import { importCsv } from './csv-import';
import { sniffCsv } from './csv-sniff';
import type { Db } from './db';
import { decodeToUtf8 } from './decode';
import { fail, messageOf } from './errors';
import { assertNotJson } from './json-check';
import { unknownTypedColumnsNote } from './import-notes';
import type { FileStore } from './file-store';
import { describeRelation } from './relations';
import { quoteIdent } from './sql-quote';

async function originalBytes(source: FileSource, store: FileStore): Promise<Uint8Array> {
	if (source.bytes) return new Uint8Array(source.bytes);
	const kept = await store.get(source.fileKey);
	if (!kept) fail(`The file "${source.fileName}" is no longer in this browser's storage; drop it again.`);
	return kept;
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
	onProgress?.({ stage: 'Reading file', fraction: 0 });
	const bytes = await originalBytes(source, store);
	if (isBlank(bytes)) fail(`The file ${name} is empty.`);
	assertTextFile(bytes, source.fileName);

	onProgress?.({ stage: 'Checking encoding', fraction: 0 });
	const decoded = decodeToUtf8(bytes, options.encoding, (fraction) => onProgress?.({ stage: 'Checking encoding', fraction }));
	if (isBlank(decoded.utf8)) fail(`The file ${name} is empty.`);
	assertNotJson(decoded.utf8, source.fileName);

	onProgress?.({ stage: 'Detecting format' });
	const dialect = sniffCsv(decoded.utf8, options.delimiter, options.decimal);

	onProgress?.({ stage: 'Importing into DuckDB' });
	// CREATE OR REPLACE TABLE cannot replace a view of the same name (e.g. an old SQL result).
	if (db.relationType(tableName) === 'VIEW') db.query(`DROP VIEW ${quoteIdent(tableName)}`);
	// Types chosen for columns this file does not have (another file, a renamed header) are set aside, with a note.
	const header = new Set(dialect.header ? (dialect.records[0] ?? []).map((h) => h.trim()) : []);
	const chosen = Object.fromEntries(Object.entries(options.columnTypes ?? {}).filter(([name]) => header.has(name)));
	const missing = Object.keys(options.columnTypes ?? {}).filter((name) => !header.has(name));
	const warnings = [...decoded.warnings, ...importCsv(db, decoded.utf8, dialect, tableName, source.fileName, Object.keys(chosen))];
	warnings.push(...settleColumnTypes(db, tableName, dialect.decimal, chosen));
	if (missing.length) warnings.push(unknownTypedColumnsNote(missing));

	onProgress?.({ stage: 'Counting rows' });
	const info = describeRelation(db, tableName);
	if (info.rowCount === 0) warnings.push(`The file ${name} has only a header row, no data rows.`);

	if (source.bytes) {
		onProgress?.({ stage: 'Keeping a copy in this browser' });
		try {
			await store.put(source.fileKey, bytes);
		} catch (e) {
			warnings.push(`Could not keep a copy in this browser's storage (${messageOf(e)}); after a reload, drop the file again.`);
		}
	}
	onProgress?.({ stage: 'Done', fraction: 1 });
	return {
		...info,
		fileName: source.fileName,
		bytes: bytes.byteLength,
		detected: { delimiter: dialect.delimiter, decimal: dialect.decimal, encoding: decoded.encoding, bom: decoded.bom },
		warnings,
		loadMs: performance.now() - started
	};
}
