/**
 * The last step of a CSV import: cells of blank spaces read as missing, and
 * a column DuckDB left as text only because of such cells (the telco export's
 * `TotalCharges` with 11 cells of " ") becomes a number, with a note; so does
 * a column of numbers written with separators, a currency or percent sign, or
 * missing markers such as "N/A" (see `text-numbers.ts`); then the
 * types the user chose per column under "Reading options" apply. One
 * `CREATE OR REPLACE TABLE … AS SELECT * REPLACE (…)`, so the table changes
 * whole or not at all.
 */
import type { ColumnType } from './api';
import type { Db } from './db';
import { blankCellsNote, castFailuresNote, numbersFromTextNote } from './import-notes';
import { columnsOf } from './relations';
import { quoteIdent, quoteString } from './sql-quote';
import { textNumberColumns } from './text-numbers';
import { num } from './values';

/** DuckDB type of each choice. */
export const SQL_TYPE: Record<ColumnType, string> = { text: 'VARCHAR', integer: 'BIGINT', decimal: 'DOUBLE', date: 'DATE' };
/** Day-first before month-first: the workbench's users write dates the French way. */
const DATE_FORMATS = ['%d/%m/%Y', '%d-%m-%Y', '%d.%m.%Y', '%Y/%m/%d', '%d/%m/%y'];

const textOf = (column: string) => `trim(CAST(${quoteIdent(column)} AS VARCHAR))`;

/** A regular expression for a plain number written with `decimal` (no thousands separator). */
function numberPattern(decimal: '.' | ','): string {
	const point = decimal === ',' ? ',' : '\\.';
	return `[+-]?([0-9]+(${point}[0-9]*)?|${point}[0-9]+)([eE][+-]?[0-9]+)?`;
}

/** The SQL value of text `t` read as a `type`; NULL where it is not one. */
export function castText(t: string, type: ColumnType, decimal: '.' | ','): string {
	switch (type) {
		case 'text':
			return `nullif(${t}, '')`;
		case 'integer':
			// Not TRY_CAST alone: it rounds "7.5" to 8 without a word.
			return `CASE WHEN regexp_full_match(${t}, '[+-]?[0-9]+') THEN TRY_CAST(${t} AS BIGINT) END`;
		case 'decimal':
			return `TRY_CAST(${decimal === ',' ? `replace(${t}, ',', '.')` : t} AS DOUBLE)`;
		case 'date':
			return `coalesce(TRY_CAST(${t} AS DATE), CAST(try_strptime(${t}, [${DATE_FORMATS.map(quoteString).join(', ')}]) AS DATE))`;
	}
}

interface TextColumnStats {
	blank: number;
	filled: number;
	numbers: number;
	integers: number;
	/** Values such as "01234": codes (postcodes, phone numbers) whose zeros a number would lose. */
	leadingZeros: number;
}

/** Plain numbers apart from cells of blank spaces: DuckDB's own reading, with those cells missing. */
const plainNumbers = (s: TextColumnStats | undefined) => !!s && s.blank > 0 && s.filled > 0 && s.numbers === s.filled && s.leadingZeros === 0;

/**
 * What the text columns hold. Most files have no cell of blank spaces: one
 * cheap scan finds the columns that do, and only those are read for numbers.
 */
function textColumnStats(db: Db, table: string, textColumns: string[], decimal: '.' | ','): Map<string, TextColumnStats> {
	if (!textColumns.length) return new Map();
	const blanks: Record<string, unknown> =
		db.raw(`SELECT ${textColumns.map((name, i) => `count(*) FILTER (WHERE ${textOf(name)} = '') AS b${i}`).join(', ')} FROM ${quoteIdent(table)}`).get(0) ?? {};
	const names = textColumns.filter((_, i) => num(blanks[`b${i}`]) > 0);
	if (!names.length) return new Map();
	const parts = names.flatMap((name, i) => {
		const t = textOf(name);
		return [
			`count(*) FILTER (WHERE ${t} = '') AS b${i}`,
			`count(*) FILTER (WHERE ${t} <> '') AS f${i}`,
			`count(*) FILTER (WHERE regexp_full_match(${t}, ${quoteString(numberPattern(decimal))})) AS n${i}`,
			`count(*) FILTER (WHERE regexp_full_match(${t}, '[+-]?[0-9]{1,18}')) AS i${i}`,
			`count(*) FILTER (WHERE regexp_full_match(${t}, '[+-]?0[0-9].*')) AS z${i}`
		];
	});
	const row: Record<string, unknown> = db.raw(`SELECT ${parts.join(', ')} FROM ${quoteIdent(table)}`).get(0) ?? {};
	return new Map(
		names.map((name, i) => [
			name,
			{ blank: num(row[`b${i}`]), filled: num(row[`f${i}`]), numbers: num(row[`n${i}`]), integers: num(row[`i${i}`]), leadingZeros: num(row[`z${i}`]) }
		])
	);
}

/** Values of `column` that are not blank but do not read as `type`: how many, and one of them. */
function castFailures(db: Db, table: string, column: string, type: ColumnType, decimal: '.' | ','): { count: number; example: string } {
	const t = textOf(column);
	const where = `${t} <> '' AND ${castText(t, type, decimal)} IS NULL`;
	const row = db.raw(`SELECT count(*) FILTER (WHERE ${where}) AS n, any_value(${t}) FILTER (WHERE ${where}) AS example FROM ${quoteIdent(table)}`).get(0);
	return { count: num(row?.n), example: row?.example == null ? '' : String(row.example) };
}

/** How a table's text columns are settled. */
export interface SettleOptions {
	/**
	 * Text columns of plain numbers ("12", "75001") are read as numbers too: a
	 * workbook's "numbers stored as text" or JSON strings. A CSV's are left to
	 * DuckDB's own sniffer, which keeps codes with leading zeros as text.
	 */
	plainTextNumbers?: boolean;
}

/**
 * Settles the types of `table` just imported; returns notes for the user.
 * @param chosen the user's type per column; those columns were imported as text, as written
 */
export function settleColumnTypes(db: Db, table: string, decimal: '.' | ',', chosen: Record<string, ColumnType> = {}, options: SettleOptions = {}): string[] {
	const columns = columnsOf(db, table);
	// Only known types reach the SQL below (a notebook file could carry anything).
	if (Object.values(chosen).some((t) => !Object.hasOwn(SQL_TYPE, t))) throw new Error(`invalid columnTypes: ${JSON.stringify(chosen)}`);
	const notes: string[] = [];
	const replace: string[] = [];
	const textColumns = columns.filter((c) => c.type === 'VARCHAR' && !chosen[c.name]).map((c) => c.name);
	const stats = textColumnStats(db, table, textColumns, decimal);
	const others = options.plainTextNumbers ? textColumns : textColumns.filter((name) => !plainNumbers(stats.get(name)));
	const written = new Map(textNumberColumns(db, table, others, decimal).map((c) => [c.column, c]));
	const blankOnly: string[] = [];
	for (const { name } of columns) {
		const t = textOf(name);
		const type = chosen[name];
		if (type) {
			const failed = castFailures(db, table, name, type, decimal);
			if (failed.count) notes.push(castFailuresNote(name, SQL_TYPE[type], failed.count, failed.example));
			replace.push(`CAST(${castText(t, type, decimal)} AS ${SQL_TYPE[type]}) AS ${quoteIdent(name)}`);
			continue;
		}
		const numbers = written.get(name);
		if (numbers) {
			replace.push(numbers.expression);
			notes.push(numbers.note);
			continue;
		}
		const s = stats.get(name);
		if (!s || s.blank === 0) continue;
		if (plainNumbers(s)) {
			const integer = s.integers === s.filled;
			replace.push(`CAST(${castText(t, integer ? 'integer' : 'decimal', decimal)} AS ${integer ? 'BIGINT' : 'DOUBLE'}) AS ${quoteIdent(name)}`);
			notes.push(numbersFromTextNote(name, s.blank));
		} else {
			replace.push(`CASE WHEN ${t} = '' THEN NULL ELSE ${quoteIdent(name)} END AS ${quoteIdent(name)}`);
			blankOnly.push(name);
		}
	}
	if (blankOnly.length) notes.push(blankCellsNote(blankOnly));
	if (replace.length) db.raw(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * REPLACE (${replace.join(', ')}) FROM ${quoteIdent(table)}`);
	return notes;
}
