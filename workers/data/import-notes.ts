/**
 * The words of what an import did to a file (notes under the data cell) and
 * why it refused one. Every row of a file either becomes a table row or is
 * named here, by the line a text editor shows for it.
 */
import type { RejectError } from './csv-rejects';

/** Line numbers shown in full before "and N more". */
const LISTED_LINES = 10;

export const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "line 3", "lines 3, 5", "lines 3, 5, … and 4 more". */
export function lineList(lines: number[]): string {
	const sorted = [...lines].sort((a, b) => a - b);
	const shown = sorted.slice(0, LISTED_LINES).map((l) => l.toLocaleString('en-US'));
	const more = sorted.length - shown.length;
	return `${sorted.length === 1 ? 'line' : 'lines'} ${shown.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}`;
}

/** Plain words for the values a DuckDB type holds. */
function typeWords(type: string): string {
	if (/INT/.test(type)) return 'whole numbers';
	if (/^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(type)) return 'numbers';
	if (type === 'DATE') return 'dates';
	if (type.startsWith('TIMESTAMP')) return 'dates and times';
	if (type === 'TIME') return 'times';
	if (type === 'BOOLEAN') return 'true/false values';
	return type.toLowerCase();
}

/** Why a line was left out, from DuckDB's errors there; lines with the same words are listed together. */
export function rejectReason(errors: RejectError[], shape: 'short' | 'long' | 'regular'): string {
	if (shape === 'long') return 'more fields than the header';
	const [error] = errors;
	if (error?.type === 'CAST' && error.column) {
		const fit = `a value does not fit column "${error.column}", which holds ${typeWords(error.expected ?? '')}`;
		return shape === 'short' ? `fewer fields than the header, and ${fit}` : fit;
	}
	if (error?.type === 'TOO MANY COLUMNS') return 'more fields than the header';
	if (error?.type === 'LINE SIZE OVER MAXIMUM') return 'the line is too long';
	if (error?.type === 'INVALID UNICODE') return 'bytes that are not valid text';
	return (error?.type ?? 'unknown error').toLowerCase();
}

/** "2 rows could not be read and were left out: lines 4, 9 (more fields than the header); line 3 (…)." */
export function leftOutNote(byReason: Map<string, number[]>): string {
	const total = [...byReason.values()].reduce((n, lines) => n + lines.length, 0);
	const parts = [...byReason].map(([reason, lines]) => `${lineList(lines)} (${reason})`);
	return `${count(total, 'row', 'rows')} could not be read and ${total === 1 ? 'was' : 'were'} left out: ${parts.join('; ')}.`;
}

export const paddedNote = (lines: number[]) =>
	`${count(lines.length, 'row had', 'rows had')} fewer fields than the header (${lineList(lines)}); the missing fields are empty.`;

/** The safety net: rows missing from the table that no rejects table or check accounted for. */
export const unaccountedNote = (missing: number, fileRows: number, tableRows: number) =>
	`${count(missing, 'row', 'rows')} of the file could not be read and ${missing === 1 ? 'was' : 'were'} left out (the file has ${fileRows.toLocaleString('en-US')} data rows, the table ${tableRows.toLocaleString('en-US')}); check the file for irregular rows.`;

export const textColumnsNote = (columns: string[]) =>
	`${columns.map((c) => `"${c}"`).join(', ')} read as text: some values further down the file are not numbers or dates.`;

/** One sentence for every header name DuckDB changed (a repeated or empty name). */
export function renamedNote(renames: { from: string; to: string; position: number }[]): string {
	const list = renames.map((r) => (r.from ? `"${r.from}" (column ${r.position}) is now "${r.to}"` : `column ${r.position} had no name and is now "${r.to}"`));
	return `Column names must be unique (ignoring case) and not empty, so ${renames.length === 1 ? 'one was' : 'some were'} renamed: ${list.join(', ')}.`;
}

const MB = 1_000_000;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

export const longLineRefusal = (fileName: string, line: number, fieldBytes: number, lineBytes: number, limit: number) =>
	`Could not read "${fileName}": line ${line.toLocaleString('en-US')} has a field of ${megabytes(fieldBytes)}${lineBytes - fieldBytes > MB / 10 ? ` (the whole row is ${megabytes(lineBytes)})` : ''}, longer than the ${Math.round(limit / MB)} MB a row may hold. Shorten or remove that value and try again (if it should not be that long, look for a stray quote before it).`;

export const unclosedQuoteRefusal = (fileName: string, line: number) =>
	`Could not read "${fileName}": unclosed quote near line ${line.toLocaleString('en-US')}: a quote (") opened there is never closed. Fix or remove that quote in the file and try again.`;

const quotedList = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/** A column of numbers that DuckDB read as text because some cells held only spaces. */
export const numbersFromTextNote = (column: string, blanks: number) =>
	`"${column}" was read as numbers: its ${count(blanks, 'cell', 'cells')} of blank spaces ${blanks === 1 ? 'is a missing value' : 'are missing values'}.`;

/** Text columns where cells of blank spaces became missing values. */
export const blankCellsNote = (columns: string[]) => `Cells of blank spaces in ${quotedList(columns)} are read as missing values.`;

/** A type the user chose that some values do not fit. */
export const castFailuresNote = (column: string, type: string, failed: number, example: string) =>
	`${count(failed, 'value', 'values')} of "${column}" ${failed === 1 ? 'is' : 'are'} not ${typeWords(type)} (e.g. "${example}") and ${failed === 1 ? 'was' : 'were'} read as missing.`;

/** Types chosen under "Reading options" for columns the file does not have. */
export const unknownTypedColumnsNote = (columns: string[]) =>
	`The type chosen for ${quotedList(columns)} was not applied: this file has no such column.`;

/** "a", "a and b", "a, b and c". */
const andList = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** What reading a text column as numbers did to its values. */
export interface TextNumbersDone {
	/** "thousands separators", "the € sign", "the currency code DA", "the percent sign". */
	removed: string[];
	/** Decimal commas in a file whose other numbers use a point. */
	decimalCommas: boolean;
	/** Amounts written in parentheses, read as negative. */
	negatives: number;
	/** Missing markers as written ("N/A", "-"), with their cells. */
	markers: { token: string; cells: number }[];
	/** Cells of blank spaces. */
	blanks: number;
}

/** A text column of numbers written with separators, a currency or percent sign, or missing markers, now read as numbers. */
export function textNumbersNote(column: string, done: TextNumbersDone): string {
	const parts: string[] = [];
	if (done.removed.length) parts.push(`${andList(done.removed)} removed`);
	if (done.decimalCommas) parts.push('decimal commas read as decimal points');
	if (done.negatives) parts.push(`${count(done.negatives, 'amount', 'amounts')} in parentheses read as negative`);
	const missing = done.markers.map((m) => `${count(m.cells, 'cell', 'cells')} "${m.token}"`);
	if (done.blanks) missing.push(`${count(done.blanks, 'cell', 'cells')} of blank spaces`);
	if (missing.length) parts.push(`${andList(missing)} read as missing`);
	return `Column "${column}" was read as numbers${parts.length ? `: ${parts.join(', ')}` : ''}. Choose "text" under Reading options to keep it as written.`;
}

/** Only the start of a file too large for the tab was loaded (Reading options, "Load only the first … MB"). */
export function partialFileNote(file: string, loaded: number, whole: number, rows: number): string {
	const mb = (n: number) => (n >= 1e9 ? `${(n / 1e9).toFixed(1)} GB` : n >= 1e6 ? `${Math.round(n / 1e6)} MB` : `${Math.max(1, Math.round(n / 1e3))} kB`);
	return `Only the first ${mb(loaded)} of the ${mb(whole)} of the file ${file} were loaded (${rows.toLocaleString('en-US')} rows, up to the last whole line): the whole file would not fit in this tab's memory. Summarise or filter it where it lives to use all of it.`;
}
