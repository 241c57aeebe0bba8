/**
 * CSV files written for users, safe to open in a spreadsheet. A text value
 * that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would run as
 * a formula in Excel or LibreOffice (`=HYPERLINK(…)` sends data out, `=cmd|…`
 * runs a program), so it is written with a leading `'` (OWASP's advice for
 * CSV injection). Number, date and boolean columns are written as they are,
 * and a text value that is a plain number (`-12.5`) stays as written.
 * The file starts with a UTF-8 byte-order mark: without it Excel reads the
 * bytes as Windows-1252 and garbles accents ("rÃ©siliÃ©" for "résilié").
 */
import type { Db } from './db';
import { localPath } from './lockdown';
import { quoteIdent, quoteString } from './sql-quote';
import { FORMULA_START, PLAIN_NUMBER } from './formula-safe';

/** DuckDB types whose values reach the CSV as text a spreadsheet could read as a formula. */
const isTextType = (type: string) => /^(VARCHAR|ENUM|JSON)/i.test(type);

/** `column` as written to the CSV: text values neutralised, fractions with the dialect's decimal mark, others unchanged. */
function safeColumn(name: string, type: string, dialect: CsvDialect): string {
	const col = quoteIdent(name);
	if (dialect === 'semicolon' && isFractionalType(type)) return `replace(CAST(${col} AS VARCHAR), '.', ',') AS ${col}`;
	if (!isTextType(type)) return col;
	const text = `CAST(${col} AS VARCHAR)`;
	return `CASE WHEN regexp_matches(${text}, ${quoteString(FORMULA_START)}) AND NOT regexp_matches(${text}, ${quoteString(PLAIN_NUMBER)})
		THEN '''' || ${text} ELSE ${text} END AS ${col}`;
}

/**
 * How the file writes its fields: `standard` is machine-readable (`,` between
 * fields, `.` in numbers); `semicolon` is what Excel set to French (or most
 * of continental Europe) opens into columns: `;` between fields and a
 * decimal comma.
 */
export type CsvDialect = 'standard' | 'semicolon';

const DELIMITER: Record<CsvDialect, string> = { standard: ',', semicolon: ';' };
/** Types with a fractional part; DuckDB's CSV writer has no decimal-separator option, so they are written as text. */
const isFractionalType = (type: string) => /^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC)/i.test(type);

let exports = 0;

/** The UTF-8 byte-order mark (U+FEFF). */
export const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/** `relation` as CSV bytes (UTF-8 with a byte-order mark, header, fields as `dialect` says), formula-safe. */
export function exportCsv(db: Db, relation: string, dialect: CsvDialect = 'standard'): Uint8Array {
	const columns = db
		.query(`DESCRIBE SELECT * FROM ${quoteIdent(relation)}`)
		.toArray()
		.map((r) => safeColumn(String(r.column_name), String(r.column_type), dialect));
	// A registered buffer inside the folder DuckDB may write: no disk, no URL, in the browser and in Node.
	const file = localPath(`export_${++exports}.csv`);
	db.bindings.registerFileBuffer(file, new Uint8Array(0));
	try {
		db.query(`COPY (SELECT ${columns.join(', ')} FROM ${quoteIdent(relation)}) TO ${quoteString(file)} (HEADER, DELIMITER '${DELIMITER[dialect]}', USE_TMP_FILE false)`);
		const body = db.bindings.copyFileToBuffer(file);
		const bytes = new Uint8Array(UTF8_BOM.length + body.length);
		bytes.set(UTF8_BOM);
		bytes.set(body, UTF8_BOM.length);
		return bytes;
	} finally {
		db.bindings.dropFile(file);
	}
}
