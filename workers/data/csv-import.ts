/**
 * Creates a DuckDB table from UTF-8 CSV bytes with the dialect we sniffed,
 * recovering from the two common failures of real files:
 * - a value late in the file that does not fit the type guessed from the
 *   first rows (re-sniff on the whole file, then read that column as text);
 * - rows with fewer or more fields than the header (pad / skip, and say so).
 * Each attempt is one `CREATE OR REPLACE TABLE … AS`, which DuckDB applies
 * atomically: a failure never leaves a half-made table.
 */
import type { Db } from './db';
import { explainImportError } from './csv-errors';
import { fail, messageOf } from './errors';
import type { Delimiter } from './csv-sniff';
import { quoteIdent, quoteString } from './sql-quote';
import { num } from './values';
import { localPath } from './lockdown';

export interface CsvDialect {
	delimiter: Delimiter;
	decimal: '.' | ',';
	header: boolean;
	/** The first records of the file, as the sniffer parsed them. */
	records: string[][];
}

const REJECTS = '__import_rejects';
const SCANS = '__import_scans';
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
		`decimal_separator=${quoteString(d.decimal)}`
	].join(', ');
}

const isRagged = (m: string) =>
	/Expected Number of Columns|not possible to automatically detect the CSV parsing dialect|TOO MANY COLUMNS|MISSING COLUMNS/i.test(m);
const castColumn = (m: string) => /Conversion Error: CSV Error on Line[\s\S]*?Error when converting column "((?:[^"]|"")+)"/.exec(m)?.[1];

function numberWord(n: number, one: string, many: string): string {
	return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * Imports `utf8` as table `table`; returns plain-language warnings.
 * @param fileName shown in messages
 */
export function importCsv(db: Db, utf8: Uint8Array, dialect: CsvDialect, table: string, fileName: string): string[] {
	const file = localPath(`import_${++counter}.csv`);
	db.bindings.registerFileBuffer(file, utf8);
	try {
		return importRegistered(db, file, dialect, table, fileName);
	} catch (e) {
		throw explainImportError(e, utf8, dialect.delimiter, fileName, file, db.relationNamesSafe());
	} finally {
		db.bindings.dropFile(file); // frees the copy inside WASM memory
	}
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

function importRegistered(db: Db, file: string, dialect: CsvDialect, table: string, fileName: string): string[] {
	const base = dialectOptions(file, dialect);
	const warnings: string[] = [];
	const keptAsText = yesNoColumns(db, base, dialect);
	const textColumns: string[] = [];
	let wholeFile = false;
	for (let attempt = 0; attempt <= MAX_TEXT_RETRIES; attempt++) {
		const varchar = [...keptAsText, ...textColumns];
		const types = varchar.length ? `, types={${varchar.map((c) => `${quoteString(c)}: 'VARCHAR'`).join(', ')}}` : '';
		try {
			create(db, table, `${base}${wholeFile ? ', sample_size=-1' : ''}${types}`);
			if (textColumns.length) {
				warnings.push(`${textColumns.map((c) => `"${c}"`).join(', ')} read as text: some values further down the file are not numbers or dates.`);
			}
			return warnings;
		} catch (e) {
			const message = messageOf(e);
			if (isRagged(message)) return importRagged(db, file, dialect, table);
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

interface RejectSummary {
	type: string;
	rows: number;
	firstLine: number;
	columns: string[];
}

/**
 * Rows with the wrong number of fields: short rows are padded with empty
 * values, long rows skipped, both counted (a dry run records them first).
 */
function importRagged(db: Db, file: string, dialect: CsvDialect, table: string): string[] {
	const base = dialectOptions(file, dialect);
	const sniffed = sniffColumns(db, base);
	const rows = dialect.header ? dialect.records.slice(1) : dialect.records;
	const text = new Set<string>(
		sniffed.columns.filter((c, i) => c.type === 'BOOLEAN' && rows.some((r) => YES_NO.test((r[i] ?? '').trim()))).map((c) => c.name)
	);
	const fixed = () => {
		const columns = sniffed.columns.map((c) => `${quoteString(c.name)}: ${quoteString(text.has(c.name) ? 'VARCHAR' : c.type)}`);
		const formats = [
			sniffed.dateFormat ? `, dateformat=${quoteString(sniffed.dateFormat)}` : '',
			sniffed.timestampFormat ? `, timestampformat=${quoteString(sniffed.timestampFormat)}` : ''
		].join('');
		return `${base}, auto_detect=false, columns={${columns.join(', ')}}${formats}, ignore_errors=true`;
	};
	let rejects: RejectSummary[] = [];
	try {
		db.raw(`SELECT count(*) FROM read_csv(${fixed()}, store_rejects=true, rejects_table='${REJECTS}', rejects_scan='${SCANS}')`);
		rejects = db
			.raw(
				`SELECT error_type AS type, count(DISTINCT line) AS rows, min(line) AS first_line,
				   list(DISTINCT column_name) FILTER (WHERE column_name IS NOT NULL) AS columns
				 FROM ${REJECTS} GROUP BY error_type`
			)
			.toArray()
			.map((r) => ({
				type: String(r.type),
				rows: num(r.rows),
				firstLine: num(r.first_line),
				columns: r.columns ? Array.from(r.columns.toArray() as string[]) : []
			}));
		for (const r of rejects) if (r.type === 'CAST') r.columns.forEach((c) => text.add(c));
		create(db, table, `${fixed()}, null_padding=true`);
	} finally {
		db.raw(`DROP TABLE IF EXISTS temp.${REJECTS}; DROP TABLE IF EXISTS temp.${SCANS};`);
	}
	return rejects.map((r) => {
		const where = `first on line ${r.firstLine.toLocaleString('en-US')}`;
		if (r.type === 'MISSING COLUMNS') return `${numberWord(r.rows, 'row had', 'rows had')} fewer fields than the header (${where}); the missing fields are empty.`;
		if (r.type === 'TOO MANY COLUMNS') return `${numberWord(r.rows, 'row had', 'rows had')} more fields than the header (${where}); ${r.rows === 1 ? 'it was' : 'they were'} skipped.`;
		if (r.type === 'CAST') return `${r.columns.map((c) => `"${c}"`).join(', ')} read as text: some values do not match the detected type (${where}).`;
		return `${numberWord(r.rows, 'row was', 'rows were')} skipped: ${r.type.toLowerCase()} (${where}).`;
	});
}
