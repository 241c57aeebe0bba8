/**
 * One workbook cell as an imported value. SheetJS has already turned cells
 * with a date format into dates (at UTC) and formulas into the result Excel
 * saved with the file (nothing is computed here). Text stays text, even when
 * it holds a number: the import's later steps decide about those columns.
 */
import type { CellObject } from '@e965/xlsx';
import type { ImportedValue } from './imported-table';

/** Excel's error values by their code (BIFF and OOXML share them). */
const ERROR_TEXTS: Record<number, string> = {
	0x00: '#NULL!',
	0x07: '#DIV/0!',
	0x0f: '#VALUE!',
	0x17: '#REF!',
	0x1d: '#NAME?',
	0x24: '#NUM!',
	0x2a: '#N/A',
	0x2b: '#GETTING_DATA'
};

/** The error a cell shows (`#N/A`), or null when it holds a value. */
export function errorText(cell: CellObject | undefined): string | null {
	if (cell?.t !== 'e') return null;
	return cell.w ?? ERROR_TEXTS[Number(cell.v)] ?? '#ERROR';
}

const DAY_MS = 86_400_000;
/**
 * A time without a date is a fraction of a day, which SheetJS dates on
 * 30 or 31 December 1899, or on 1 January 1904 in a workbook that counts
 * from 1904 (old Mac Excel).
 */
const TIME_ONLY = { from: Date.UTC(1899, 11, 30), to: Date.UTC(1900, 0, 1) };
const TIME_ONLY_1904 = { from: Date.UTC(1904, 0, 1), to: Date.UTC(1904, 0, 2) };

export function isTimeOfDay(date: Date, date1904 = false): boolean {
	const { from, to } = date1904 ? TIME_ONLY_1904 : TIME_ONLY;
	return date.getTime() >= from && date.getTime() < to;
}

/** `09:30:00`: a time of day as text, since a date-time on 31 December 1899 would mislead. */
export function timeText(date: Date): string {
	return new Date(date.getTime() % DAY_MS + DAY_MS).toISOString().slice(11, 19);
}

/**
 * SheetJS turns a serial into milliseconds by truncation, so 23:59:59 saved
 * by Excel can arrive as 23:59:58.999. A value 1 ms under a whole second is
 * taken as that second (a genuine .999 is then 1 ms off, no worse).
 */
function wholeSecond(date: Date): Date {
	return date.getUTCMilliseconds() === 999 ? new Date(date.getTime() + 1) : date;
}

/** The value of a cell: null for an empty cell, blank text or an error. */
export function cellValue(cell: CellObject | undefined, date1904 = false): ImportedValue {
	if (!cell || cell.v === undefined || cell.v === null) return null;
	switch (cell.t) {
		case 'n':
			return typeof cell.v === 'number' ? cell.v : Number(cell.v);
		case 'b':
			return Boolean(cell.v);
		case 'd': {
			const date = wholeSecond(cell.v instanceof Date ? cell.v : new Date(String(cell.v)));
			if (Number.isNaN(date.getTime())) return null;
			return isTimeOfDay(date, date1904) ? timeText(date) : date;
		}
		case 's': {
			// Excel shows a cell of spaces as empty.
			const text = String(cell.v);
			return text.trim() === '' ? null : text;
		}
		default:
			return null;
	}
}
