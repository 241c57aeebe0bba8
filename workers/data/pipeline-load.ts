/**
 * The SQL that rebuilds, in native DuckDB (CLI or `@duckdb/node-api`), a table
 * the workbench loaded from a file, and the SQL a SQL cell runs: the pieces of
 * a notebook's `pipeline.sql` (see `src/lib/cells/pipeline-sql.ts`).
 *
 * The workbench's CSV import decides things from the data (dialect, which
 * text columns hold numbers and in which format); here those decisions are
 * frozen, not re-sniffed: the dialect is sniffed again from the kept bytes
 * with the same code (`csv-sniff.ts`), each column gets the type the
 * workbench's table has (`describe`), and a column of numbers written as text
 * gets the format `numbers-as-text.ts` reads from the same sample of values.
 * So a production run on next month's file applies the transformation the
 * model was trained on. Every column is pinned in `read_csv(types=…)`; numbers
 * are read as text and converted by the same SQL the workbench runs
 * (`numberSql`), so DuckDB's own sniffer (another version natively) decides
 * nothing but date formats.
 */
import type { ColumnInfo, ColumnType, CsvOptions, DataApi } from './api';
import { parseRecords, sniffCsv, type Delimiter } from './csv-sniff';
import { scanCsv, MAX_LINE_BYTES } from './csv-scan';
import { decodeToUtf8 } from './decode';
import { isJsonFile } from './json-check';
import { numberSql, readNumbersAsText, trimmed, TRIMMED } from './numbers-as-text';
import { castText, SQL_TYPE } from './column-types';
import { fileFormat } from './readers/formats';
import { queryKind, scanStatements } from './sql-lex';
import { quoteIdent, quoteString } from './sql-quote';

/** What a data cell loads: its file, table and reading options. */
export interface LoadSource {
	fileKey: string;
	fileName: string;
	table: string;
	options: CsvOptions;
}

/** Rows and distinct values the workbench samples to choose a column's number format (`text-numbers.ts`). */
const SAMPLE_ROWS = 50_000;
const SAMPLE_VALUES = 2_000;
/** The start of the file decoded in this thread to sample values (the workbench samples the first 50,000 rows). */
const SAMPLE_BYTES = 64 * 1024 * 1024;

const NUMBER_TYPES = new Set(['BIGINT', 'DOUBLE']);

/** A line of comment: never a line break inside, so nothing in a file name can end the comment. */
export const comment = (text: string) =>
	text
		.split(/\r?\n/)
		.map((line) => `-- ${line}`.trimEnd())
		.join('\n');

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

/** `trim(CAST(col AS VARCHAR))`: a cell as the workbench's `column-types.ts` reads it. */
const textOf = (column: string) => `trim(CAST(${quoteIdent(column)} AS VARCHAR))`;
/** `trim(…, spaces)`: a cell as `text-numbers.ts` reads it. */
const cellText = (column: string) => `trim(CAST(${quoteIdent(column)} AS VARCHAR), ${quoteString(TRIMMED)})`;

/** The first distinct non-empty values of each column in the first rows, as `text-numbers.ts` samples them. */
function sampleValues(utf8: Uint8Array, delimiter: Delimiter, header: boolean, columns: number): string[][] {
	const partial = utf8.length > SAMPLE_BYTES;
	const text = new TextDecoder('utf-8').decode(utf8.subarray(0, SAMPLE_BYTES), { stream: partial });
	const records = parseRecords(text, delimiter, partial, SAMPLE_ROWS + 1)
		.filter((r) => r.some((f) => f.trim() !== ''))
		.slice(header ? 1 : 0, SAMPLE_ROWS + (header ? 1 : 0));
	return Array.from({ length: columns }, (_, i) => {
		const seen = new Set<string>();
		for (const record of records) {
			const value = trimmed(record[i] ?? '');
			if (value) seen.add(value);
			if (seen.size >= SAMPLE_VALUES) break;
		}
		return [...seen];
	});
}


/** Bytes 0x80–0x9F: where Windows-1252 (€, œ, ’…) and DuckDB's latin-1 differ. */
const hasWindowsOnlyBytes = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80 && b <= 0x9f);

/**
 * `CREATE OR REPLACE TABLE` for a CSV file, from its original bytes and the
 * columns of the table the workbench made of it.
 */
export function csvLoadSql(bytes: Uint8Array, source: LoadSource, columns: ColumnInfo[]): string {
	const { options } = source;
	const decoded = decodeToUtf8(bytes, options.encoding);
	const dialect = sniffCsv(decoded.utf8, options.delimiter, options.decimal);
	const header = dialect.header ? (dialect.records[0] ?? []).map((h) => h.trim()) : [];
	const chosen = Object.fromEntries(Object.entries(options.columnTypes ?? {}).filter(([name]) => header.includes(name)));
	const samples = sampleValues(decoded.utf8, dialect.delimiter, dialect.header, columns.length);
	const scan = scanCsv(decoded.utf8, dialect.delimiter, dialect.header);
	const notes: string[] = [];
	const pinned: string[] = [];
	const select = columns.map(({ name, type }, i) => {
		const as = ` AS ${quoteIdent(name)}`;
		const chosenType = chosen[name] as ColumnType | undefined;
		if (chosenType) {
			pinned.push(`${quoteString(name)}: 'VARCHAR'`);
			return `CAST(${castText(textOf(name), chosenType, dialect.decimal)} AS ${SQL_TYPE[chosenType]})${as}`;
		}
		if (type === 'VARCHAR') {
			pinned.push(`${quoteString(name)}: 'VARCHAR'`);
			// Cells of blank spaces are missing values (a no-op on a column without any).
			return `CASE WHEN ${textOf(name)} = '' THEN NULL ELSE ${quoteIdent(name)} END${as}`;
		}
		if (NUMBER_TYPES.has(type)) {
			pinned.push(`${quoteString(name)}: 'VARCHAR'`);
			const rule = readNumbersAsText(samples[i] ?? [], dialect.decimal);
			if (rule) return `${numberSql(cellText(name), rule, type as 'BIGINT' | 'DOUBLE')}${as}`;
			return `CAST(${castText(textOf(name), type === 'BIGINT' ? 'integer' : 'decimal', dialect.decimal)} AS ${type})${as}`;
		}
		// Dates, times, booleans: DuckDB's CSV reader parses them (and sniffs their format) as in the workbench.
		pinned.push(`${quoteString(name)}: ${quoteString(type)}`);
		return `${quoteIdent(name)}${as}`;
	});

	const read = [
		quoteString(source.fileName),
		`delim=${quoteString(dialect.delimiter)}`,
		`header=${dialect.header}`,
		'skip=0',
		`quote='"'`,
		`escape='"'`,
		`decimal_separator=${quoteString(dialect.decimal)}`,
		`max_line_size=${MAX_LINE_BYTES + 65_536}`
	];
	if (decoded.encoding === 'windows-1252') {
		read.push(`encoding='latin-1'`);
		if (hasWindowsOnlyBytes(bytes)) {
			notes.push(
				'The file is Windows-1252 text with characters latin-1 reads differently (€ œ ’ …). For the same text as the workbench,',
				`convert it first: iconv -f WINDOWS-1252 -t UTF-8 ${oneLine(source.fileName)} > utf8.csv, then read that file with encoding='utf-8'.`
			);
		}
	}
	const ragged = scan.short.size > 0 || scan.long.size > 0;
	if (ragged) {
		// As `csv-import.ts` reads a ragged file: no sniffing (it fails on such files), every column named and typed.
		read.push('auto_detect=false', `columns={${pinned.join(', ')}}`, 'null_padding=true', 'ignore_errors=true', 'parallel=false');
		if (columns.some((c) => /^(DATE|TIME|TIMESTAMP)/.test(c.type))) {
			notes.push('Dates and times are read in ISO form (2024-03-31) here; the workbench used the format DuckDB detected: add dateformat=… if they are written otherwise.');
		}
		notes.push(
			`Rows with a wrong number of fields (${scan.short.size} short, ${scan.long.size} long): short rows are padded with missing values,`,
			'long rows and rows whose values do not fit their column are left out, as the workbench does.'
		);
	}
	if (options.maxBytes) notes.push(`The workbench read only the first ${options.maxBytes} bytes of this file; this reads all of it.`);
	if (!ragged && pinned.length) read.push(`types={${pinned.join(', ')}}`);

	return [
		comment(`Data cell: "${oneLine(source.fileName)}" (CSV) as table ${oneLine(source.table)}.`),
		...(notes.length ? [comment(notes.join('\n'))] : []),
		`CREATE OR REPLACE TABLE ${quoteIdent(source.table)} AS`,
		`SELECT\n  ${select.join(',\n  ')}`,
		`FROM read_csv(${read.join(', ')});`
	].join('\n');
}

/** The columns and their types, as a comment: what to check the result against. */
const typesNote = (columns: ColumnInfo[]) => `The workbench's columns: ${columns.map((c) => `${c.name} ${c.type}`).join(', ')}.`;

/** A Parquet, JSON or workbook file: DuckDB's own readers, with what they do differently said in comments. */
function otherLoadSql(format: 'excel' | 'parquet' | 'json', source: LoadSource, columns: ColumnInfo[] | null): string {
	const table = quoteIdent(source.table);
	const name = oneLine(source.fileName);
	const check = columns ? [typesNote(columns)] : [];
	if (format === 'parquet') {
		return [
			comment([`Data cell: "${name}" (Parquet) as table ${oneLine(source.table)}.`, 'The workbench writes nested values (lists, structs) as JSON text and reads numbers stored as text as numbers.', ...check].join('\n')),
			`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_parquet(${quoteString(source.fileName)});`
		].join('\n');
	}
	if (format === 'json') {
		return [
			comment([`Data cell: "${name}" (JSON) as table ${oneLine(source.table)}.`, 'The workbench flattens nested objects into columns named like address.city, keeps arrays as JSON text and reads numbers stored as text as numbers.', ...check].join('\n')),
			`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_json(${quoteString(source.fileName)}, format='auto');`
		].join('\n');
	}
	const sheet = source.options.sheet ?? '';
	const csv = `${name.replace(/\.[^.]+$/, '')}${sheet ? `.${sheet}` : ''}.csv`;
	const pinned = columns?.map((c) => `TRY_CAST(${quoteIdent(c.name)} AS ${c.type}) AS ${quoteIdent(c.name)}`);
	return [
		comment(
			[
				`Data cell: "${name}" (workbook${sheet ? `, sheet "${sheet}"` : ', the sheet with the most data'}) as table ${oneLine(source.table)}.`,
				'The workbench reads workbooks with its own reader (title rows above the header left out, merged cells spread, formulas as their values);',
				`native DuckDB does not. Export that sheet to CSV (UTF-8, comma-separated, header on the first line) as '${csv}' next to this file.`,
				`Or, with DuckDB's excel extension (INSTALL excel; LOAD excel;), read it with read_xlsx('${name}'${sheet ? `, sheet='${sheet}'` : ''}, header=true)`,
				'after checking that the sheet has no title rows or merged cells.',
				...check
			].join('\n')
		),
		`CREATE OR REPLACE TABLE ${table} AS`,
		`SELECT ${pinned ? pinned.join(',\n  ') : '*'}`,
		`FROM read_csv(${quoteString(csv)}, header=true, all_varchar=${pinned ? 'true' : 'false'});`
	].join('\n');
}

/**
 * The SQL that loads `source` as the workbench did. `bytes`: the file as kept
 * (null when it is no longer in this browser); `columns`: the workbench's table
 * (null when it is not loaded). Without them it reads with DuckDB's own
 * detection and says so.
 */
export function loadSql(bytes: Uint8Array | null, source: LoadSource, columns: ColumnInfo[] | null): string {
	const format = bytes ? fileFormat(source.fileName, bytes, isJsonFile) : formatByName(source.fileName);
	if (format !== 'csv') return otherLoadSql(format, source, columns);
	if (bytes && columns) return csvLoadSql(bytes, source, columns);
	const { delimiter, decimal } = source.options;
	const read = [quoteString(source.fileName), ...(delimiter !== 'auto' ? [`delim=${quoteString(delimiter)}`] : []), ...(decimal !== 'auto' ? [`decimal_separator=${quoteString(decimal)}`] : [])];
	return [
		comment(
			[
				`Data cell: "${oneLine(source.fileName)}" as table ${oneLine(source.table)}.`,
				'NOT CHECKED: the file or its table was not in the workbench when this was written, so DuckDB detects the types itself;',
				'numbers written as text ("1 234,50 €", "12,5 %", "N/A") and cells of blank spaces stay text. Load the file in the notebook and export again.'
			].join('\n')
		),
		`CREATE OR REPLACE TABLE ${quoteIdent(source.table)} AS SELECT * FROM read_csv(${read.join(', ')});`
	].join('\n');
}

function formatByName(fileName: string): 'csv' | 'excel' | 'parquet' | 'json' {
	if (/\.(xlsx|xlsm|xls|ods)$/i.test(fileName)) return 'excel';
	if (/\.parquet$/i.test(fileName)) return 'parquet';
	if (/\.(json|ndjson|jsonl)$/i.test(fileName)) return 'json';
	return 'csv';
}

/** The data worker's calls `pipelineLoadSql` needs (the worker's client, or a `DataEngine` in tests). */
export type LoadFacts = Pick<DataApi, 'readStoredFile' | 'describe'>;

/** `loadSql` for a data cell, with the kept bytes and the table's columns asked of the data worker. */
export async function pipelineLoadSql(api: LoadFacts, source: LoadSource): Promise<string> {
	const bytes = source.fileKey ? await api.readStoredFile(source.fileKey).catch(() => null) : null;
	const columns = await api
		.describe(source.table)
		.then((info) => info.columns)
		.catch(() => null);
	return loadSql(bytes, source, columns);
}

/**
 * The statements a SQL cell runs, as `sql-cell.ts` runs them: every statement
 * as written, the last one, when it is a query, as view `view`.
 */
export function sqlCellStatements(sql: string, view: string): string[] {
	const statements = scanStatements(sql);
	if (!statements.length) return [];
	const last = statements[statements.length - 1];
	const kind = queryKind(last.tokens);
	const texts = statements.map((s) => `${s.text};`);
	if (!kind || !view.trim()) return texts;
	const body = kind === 'wrapped' ? `SELECT * FROM (${last.text})` : last.text;
	return [...texts.slice(0, -1), `CREATE OR REPLACE VIEW ${quoteIdent(view)} AS\n${body};`];
}
