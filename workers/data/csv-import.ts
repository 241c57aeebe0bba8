/**
 * Creates a DuckDB table from UTF-8 CSV bytes with the dialect we sniffed,
 * recovering from the two common failures of real files:
 * - a value late in the file that does not fit the type guessed from the
 *   first rows (re-sniff on the whole file, then read that column as text);
 * - rows with fewer or more fields than the header (pad / leave out, and say
 *   which lines).
 * No row is lost silently: the file's own scan counts its rows, and every row
 * that is not in the table is named in a note (or, as a last resort, counted).
 * Each attempt is one `CREATE OR REPLACE TABLE … AS`, which DuckDB applies
 * atomically: a failure never leaves a half-made table.
 */
import type { Db } from './db';
import { explainImportError } from './csv-errors';
import { dropRejects, readRejects, STORE_REJECTS, type RejectedLine } from './csv-rejects';
import { fileLines, MAX_LINE_BYTES, scanCsv, type CsvScan } from './csv-scan';
import { fail, messageOf } from './errors';
import type { Delimiter } from './csv-sniff';
import { leftOutNote, longLineRefusal, paddedNote, rejectReason, renamedNote, textColumnsNote, unaccountedNote, unclosedQuoteRefusal } from './import-notes';
import { quoteIdent, quoteString } from './sql-quote';
import { num } from './values';
import { localPath } from './lockdown';
import { registerFile } from './register-file';

export interface CsvDialect {
	delimiter: Delimiter;
	decimal: '.' | ',';
	header: boolean;
	/** The first records of the file, as the sniffer parsed them. */
	records: string[][];
}

const MAX_TEXT_RETRIES = 8;
let counter = 0;

function dialectOptions(file: string, d: CsvDialect): string {
	return [
		quoteString(file),
		`delim=${quoteString(d.delimiter)}`,
		`header=${d.header}`,
		// Without an explicit skip, DuckDB's sniffer may drop the first lines of a ragged file and take a later line as the header.
		'skip=0',
		`quote='"'`,
		`escape='"'`,
		`decimal_separator=${quoteString(d.decimal)}`,
		// Above DuckDB's default, so that our own check (with the line and its size) refuses long rows first.
		`max_line_size=${MAX_LINE_BYTES + 65_536}`
	].join(', ');
}

const isRagged = (m: string) =>
	/Expected Number of Columns|not possible to automatically detect the CSV parsing dialect|TOO MANY COLUMNS|MISSING COLUMNS/i.test(m);
const castColumn = (m: string) => /Conversion Error: CSV Error on Line[\s\S]*?Error when converting column "((?:[^"]|"")+)"/.exec(m)?.[1];

/** Refuses, in words, a file DuckDB would fail on with a cryptic message. */
function refuseUnreadable(scan: CsvScan, fileName: string): void {
	if (scan.unclosedQuoteLine) fail(unclosedQuoteRefusal(fileName, scan.unclosedQuoteLine));
	const { line, bytes, longestField } = scan.longest;
	if (bytes > MAX_LINE_BYTES) fail(longLineRefusal(fileName, line, longestField, bytes, MAX_LINE_BYTES));
}

/**
 * Imports `utf8` as table `table`; returns plain-language warnings.
 * @param fileName shown in messages
 * @param asText columns read as text, as written (the user chose their type: it applies afterwards)
 */
export function importCsv(db: Db, utf8: Uint8Array, dialect: CsvDialect, table: string, fileName: string, asText: string[] = []): string[] {
	const scan = scanCsv(utf8, dialect.delimiter, dialect.header);
	refuseUnreadable(scan, fileName);
	const file = localPath(`import_${++counter}.csv`);
	registerFile(db, file, utf8);
	let imported: Imported;
	try {
		imported = importRegistered(db, file, dialect, table, fileName, utf8, scan, asText);
	} catch (e) {
		throw explainImportError(e, dialect.delimiter, fileName, file, db.relationNamesSafe());
	} finally {
		db.bindings.dropFile(file); // lets go of the file (and of the copy inside WASM memory, where one was made)
	}
	const warnings = [...imported.warnings];
	const renamed = renamedColumns(db, table, dialect);
	if (renamed.length) warnings.push(renamedNote(renamed));
	// The safety net: never report fewer lost rows than were lost.
	const tableRows = num(db.raw(`SELECT count(*) AS n FROM ${quoteIdent(table)}`).get(0)?.n);
	const missing = scan.dataRows - imported.leftOut - tableRows;
	if (missing > 0) warnings.push(unaccountedNote(missing, scan.dataRows, tableRows));
	return warnings;
}

/** What an import made: its notes and how many rows of the file they say were left out. */
interface Imported {
	warnings: string[];
	leftOut: number;
}

/** Header names DuckDB changed: a repeated name (DuckDB adds `_1`, `_2`, ignoring case) or an empty one. */
function renamedColumns(db: Db, table: string, dialect: CsvDialect): { from: string; to: string; position: number }[] {
	if (!dialect.header) return [];
	const header = dialect.records[0] ?? [];
	const names = db.raw(`SELECT column_name FROM (DESCRIBE ${quoteIdent(table)})`).toArray().map((r) => String(r.column_name));
	return names.flatMap((to, i) => {
		const from = (header[i] ?? '').trim();
		return from === to ? [] : [{ from, to, position: i + 1 }];
	});
}

function create(db: Db, table: string, source: string): void {
	db.raw(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_csv(${source})`);
}

const YES_NO = /^(yes|no|y|n)$/i;

/**
 * DuckDB types columns of Yes/No as BOOLEAN, which then show as true/false
 * and break `WHERE churn = 'Yes'`. Such columns are kept as text, as written.
 */
function yesNoColumns(db: Db, base: string, dialect: CsvDialect): string[] {
	let columns: string[][];
	try {
		columns = db.raw(`DESCRIBE SELECT * FROM read_csv(${base})`).toArray().map((r) => [String(r.column_name), String(r.column_type)]);
	} catch {
		return []; // ragged files fail here; their path sniffs again
	}
	const rows = dialect.header ? dialect.records.slice(1) : dialect.records;
	return columns
		.filter(([, type], i) => type === 'BOOLEAN' && rows.some((r) => YES_NO.test((r[i] ?? '').trim())))
		.map(([name]) => name);
}

function importRegistered(db: Db, file: string, dialect: CsvDialect, table: string, fileName: string, utf8: Uint8Array, scan: CsvScan, asText: string[]): Imported {
	const base = dialectOptions(file, dialect);
	const warnings: string[] = [];
	const keptAsText = [...new Set([...yesNoColumns(db, base, dialect), ...asText])];
	const textColumns: string[] = [];
	let wholeFile = false;
	for (let attempt = 0; attempt <= MAX_TEXT_RETRIES; attempt++) {
		const varchar = [...keptAsText, ...textColumns];
		const types = varchar.length ? `, types={${varchar.map((c) => `${quoteString(c)}: 'VARCHAR'`).join(', ')}}` : '';
		try {
			create(db, table, `${base}${wholeFile ? ', sample_size=-1' : ''}${types}`);
			if (textColumns.length) warnings.push(textColumnsNote(textColumns));
			return { warnings, leftOut: 0 };
		} catch (e) {
			const message = messageOf(e);
			if (isRagged(message)) return importRagged(db, file, dialect, table, utf8, scan, asText);
			const column = castColumn(message);
			if (!column) throw e;
			// First try guessing types from every row (slower), then give up on that column's type.
			if (!wholeFile) wholeFile = true;
			else textColumns.push(column.replaceAll('""', '"'));
		}
	}
	return fail(`Could not read "${fileName}": too many columns have values that do not match their type.`);
}

interface SniffedColumns {
	columns: { name: string; type: string }[];
	dateFormat: string | null;
	timestampFormat: string | null;
}

/** The header's columns and types, ignoring rows of the wrong length. */
function sniffColumns(db: Db, base: string): SniffedColumns {
	const row = db.raw(`SELECT Columns, DateFormat, TimestampFormat FROM sniff_csv(${base}, ignore_errors=true)`).get(0);
	if (!row) fail('The CSV sniffer returned nothing.');
	const list = row.Columns as { toArray(): { toJSON(): { name: string; type: string } }[] };
	return {
		columns: list.toArray().map((c) => c.toJSON()),
		dateFormat: (row.DateFormat as string | null) ?? null,
		timestampFormat: (row.TimestampFormat as string | null) ?? null
	};
}

/**
 * Rows with the wrong number of fields: short rows are padded with empty
 * values, long rows left out. A value that does not fit its column on a row of
 * the right length is data, so that column is read as text (as for a regular
 * file); on a short or long row it rather means the row is misaligned, so
 * that row is left out. DuckDB records each row it leaves out (`store_rejects`),
 * and every one is listed by line.
 */
function importRagged(db: Db, file: string, dialect: CsvDialect, table: string, utf8: Uint8Array, scan: CsvScan, asText: string[]): Imported {
	const base = dialectOptions(file, dialect);
	const sniffed = sniffColumns(db, base);
	const rows = dialect.header ? dialect.records.slice(1) : dialect.records;
	const yesNo = sniffed.columns.filter((c, i) => c.type === 'BOOLEAN' && rows.some((r) => YES_NO.test((r[i] ?? '').trim()))).map((c) => c.name);
	const text = new Set<string>([...yesNo, ...asText.filter((name) => sniffed.columns.some((c) => c.name === name))]);
	const formats = [
		sniffed.dateFormat ? `, dateformat=${quoteString(sniffed.dateFormat)}` : '',
		sniffed.timestampFormat ? `, timestampformat=${quoteString(sniffed.timestampFormat)}` : ''
	].join('');
	// parallel=false: DuckDB's parallel reader refuses null_padding in a file with line breaks inside quotes.
	const options = () => {
		const columns = sniffed.columns.map((c) => `${quoteString(c.name)}: ${quoteString(text.has(c.name) ? 'VARCHAR' : c.type)}`);
		return `${base}, auto_detect=false, columns={${columns.join(', ')}}${formats}, ignore_errors=true, null_padding=true, parallel=false, ${STORE_REJECTS}`;
	};
	const misaligned = (ordinal: number) => scan.short.has(ordinal) || scan.long.has(ordinal);
	let rejected: RejectedLine[] = [];
	for (let attempt = 0; attempt <= MAX_TEXT_RETRIES; attempt++) {
		try {
			create(db, table, options());
			rejected = readRejects(db);
		} finally {
			dropRejects(db);
		}
		const misfits = rejected.filter((r) => !misaligned(r.ordinal)).flatMap((r) => r.errors.filter((e) => e.type === 'CAST' && e.column && !text.has(e.column)));
		if (!misfits.length) break;
		misfits.forEach((e) => text.add(e.column!));
	}
	return { warnings: raggedNotes(utf8, dialect.delimiter, scan, rejected, [...text].filter((c) => !yesNo.includes(c) && !asText.includes(c))), leftOut: rejected.length };
}

/** Notes on a ragged import: padded rows, rows left out (by line and reason), columns read as text. */
function raggedNotes(utf8: Uint8Array, delimiter: Delimiter, scan: CsvScan, rejected: RejectedLine[], textColumns: string[]): string[] {
	const notes: string[] = [];
	const out = new Set(rejected.map((r) => r.ordinal));
	const padded = [...scan.short].filter(([ordinal]) => !out.has(ordinal)).map(([, line]) => line);
	if (padded.length) notes.push(paddedNote(padded));
	const unknown = rejected.map((r) => r.ordinal).filter((o) => !scan.short.has(o) && !scan.long.has(o));
	const lines = fileLines(utf8, delimiter, unknown);
	const byReason = new Map<string, number[]>();
	for (const r of rejected) {
		const reason = rejectReason(r.errors, scan.long.has(r.ordinal) ? 'long' : scan.short.has(r.ordinal) ? 'short' : 'regular');
		const line = scan.short.get(r.ordinal) ?? scan.long.get(r.ordinal) ?? lines.get(r.ordinal) ?? r.ordinal;
		byReason.set(reason, [...(byReason.get(reason) ?? []), line]);
	}
	if (byReason.size) notes.push(leftOutNote(byReason));
	if (textColumns.length) notes.push(textColumnsNote(textColumns));
	return notes;
}
