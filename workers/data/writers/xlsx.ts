/**
 * Results written as an Excel workbook (.xlsx): numbers stay numbers, dates
 * are real Excel dates, and text is always a text cell. That last point is
 * why XLSX is safer than CSV: a value such as `=HYPERLINK(…)` or `@SUM(…)`
 * is stored as a string, which Excel never runs, and needs no leading `'`.
 *
 * SheetJS is loaded on the first export, so it stays out of the worker's
 * first bundle; it writes without `eval` or `new Function` (the page's
 * Content-Security-Policy forbids both).
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { excelSerial } from './excel-date';
import type { ExportColumn, ExportValue } from './export-column';

/** Excel's limits: rows per sheet (the header included), columns per sheet, characters per cell. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_CELL_TEXT = 32_767;

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Column widths (in characters) are guessed from the header and the first rows. */
const WIDTH_SAMPLE = 200;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** How a date is shown: DATE columns without a time, timestamps with one, others as the value needs. */
function dateFormat(type: string, value: Date): string {
	if (/^DATE$/i.test(type)) return DATE_FORMAT;
	if (/^TIMESTAMP/i.test(type)) return DATE_TIME_FORMAT;
	return value.getTime() % 86_400_000 === 0 ? DATE_FORMAT : DATE_TIME_FORMAT;
}

/** One cell, or null for an empty one. */
function cellOf(value: ExportValue, column: ExportColumn, row: number): CellObject | null {
	if (value === null) return null;
	if (typeof value === 'boolean') return { t: 'b', v: value };
	// Excel has no NaN or infinity: written as words rather than lost.
	if (typeof value === 'number') return Number.isFinite(value) ? { t: 'n', v: value } : { t: 's', v: String(value) };
	// Excel numbers are doubles: a larger integer is kept exact as text.
	if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? { t: 'n', v: Number(value) } : { t: 's', v: value.toString() };
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return null;
		const serial = excelSerial(value);
		// Before 1900 Excel has no dates: the ISO text keeps the value readable.
		return serial === null ? { t: 's', v: value.toISOString() } : { t: 'n', v: serial, z: dateFormat(column.type, value) };
	}
	if (value.length > MAX_CELL_TEXT) {
		throw new Error(
			`An Excel cell holds at most ${MAX_CELL_TEXT.toLocaleString('en-US')} characters, and column "${column.name}" has ${value.length.toLocaleString('en-US')} in row ${(row + 1).toLocaleString('en-US')}. Export as CSV to keep the whole text.`
		);
	}
	return { t: 's', v: value };
}

/** How wide a value shows, in characters. */
function shownLength(value: ExportValue): number {
	if (value === null) return 0;
	if (value instanceof Date) return value.getTime() % 86_400_000 === 0 ? 10 : 19;
	return String(value).length;
}

function columnWidth(column: ExportColumn): number {
	const longest = Math.max(column.name.length, ...column.values.slice(0, WIDTH_SAMPLE).map(shownLength));
	return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** A name Excel accepts for a sheet: at most 31 characters, none of `[ ] : * ? / \`, not starting or ending with `'`. */
export function sheetTitle(name: string): string {
	const cleaned = name.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31).trim();
	return cleaned || 'data';
}

/** The sheet: a header row of column names, then one row per value. */
function worksheet(columns: ExportColumn[], encodeRange: (range: { s: { r: number; c: number }; e: { r: number; c: number } }) => string): WorkSheet {
	const rows = columns[0]?.values.length ?? 0;
	if (rows + 1 > MAX_ROWS) {
		throw new Error(`An Excel sheet holds at most ${(MAX_ROWS - 1).toLocaleString('en-US')} rows under its header, and this result has ${rows.toLocaleString('en-US')}. Export as CSV, or filter the rows first.`);
	}
	if (columns.length > MAX_COLUMNS) throw new Error(`An Excel sheet holds at most ${MAX_COLUMNS.toLocaleString('en-US')} columns, and this result has ${columns.length.toLocaleString('en-US')}. Export as CSV instead.`);
	for (const c of columns) if (c.values.length !== rows) throw new Error(`invalid export: column ${c.name} has ${c.values.length} values for ${rows} rows`);

	const data: CellObject[][] = [columns.map((c) => ({ t: 's', v: c.name }))];
	for (let r = 0; r < rows; r++) {
		// An empty cell is a hole in the row: SheetJS skips holes, not nulls.
		const row: CellObject[] = [];
		columns.forEach((c, i) => {
			const cell = cellOf(c.values[r], c, r);
			if (cell) row[i] = cell;
		});
		data.push(row);
	}
	const last = { r: rows, c: Math.max(columns.length - 1, 0) };
	const sheet: WorkSheet = { '!data': data, '!ref': encodeRange({ s: { r: 0, c: 0 }, e: last }) };
	sheet['!cols'] = columns.map((c) => ({ wch: columnWidth(c) }));
	if (columns.length) sheet['!autofilter'] = { ref: encodeRange({ s: { r: 0, c: 0 }, e: last }) };
	return sheet;
}

/** `columns` as the bytes of an .xlsx file with one sheet named `sheetName`. */
export async function toXlsx(columns: ExportColumn[], sheetName = 'data'): Promise<Uint8Array> {
	const XLSX = await import('@e965/xlsx');
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(book, worksheet(columns, XLSX.utils.encode_range), sheetTitle(sheetName));
	// Shared strings: every text value is a plain text cell (t="s"), which no spreadsheet evaluates.
	const bytes: ArrayBuffer = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true });
	return new Uint8Array(bytes);
}
