/**
 * Excel and OpenDocument workbooks (.xlsx, .xlsm, .xls, .ods) read in the
 * data worker. Every sheet is laid out (header found, title rows left out,
 * merged cells spread), the one asked for, or else the one with the most
 * data, becomes the table; `sheets` lets the user pick another.
 *
 * SheetJS is loaded on the first workbook, so it stays out of the worker's
 * first bundle. It reads formulas as the results Excel saved (it computes
 * nothing) and uses neither `eval` nor `new Function`, which the page's
 * Content-Security-Policy forbids.
 */
import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import type { ImportedTable } from './imported-table';
import { sheetGrid } from './sheet-grid';
import { sheetTable, type SheetTable } from './sheet-table';
import { assertWorkbookBytes, workbookError } from './workbook-check';
import { W } from './reader-notes';

export interface SheetInfo {
	name: string;
	/** Data rows and columns, after the header is found (title and empty rows not counted). */
	rows: number;
	columns: number;
}

export interface ReadResult {
	table: ImportedTable;
	/** What the reader did to the file, in plain words (shown under the data cell). */
	notes: string[];
	/** Every sheet of a workbook, in the workbook's order. */
	sheets?: SheetInfo[];
	/** The sheet read. */
	sheet?: string;
}

const READ_OPTIONS: ParsingOptions = {
	type: 'array',
	// Cells with a date format become Dates at UTC midnight (a date-time keeps its time), wherever the browser is.
	cellDates: true,
	UTC: true,
	dense: true,
	// Values only: cached formula results, no formula text, formats, styles or HTML.
	cellFormula: false,
	cellHTML: false,
	cellNF: false,
	cellStyles: false,
	cellText: false,
	// A web page saved as .xls keeps its text as text; numbers stored as text are the next steps' business.
	raw: true
};

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

interface LaidOut {
	name: string;
	hidden: boolean;
	table: SheetTable | null;
}

/** The sheet to read: the one named, or the visible one with the most non-empty cells (a "Read me" sheet often comes first). */
function pick(sheets: LaidOut[], wanted: string, fileName: string): LaidOut {
	if (wanted) {
		const found = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
		if (!found) throw new Error(W.noSuchSheet(fileName, wanted, quoted(sheets.map((s) => s.name))));
		return found;
	}
	const withData = sheets.filter((s) => s.table);
	const candidates = withData.some((s) => !s.hidden) ? withData.filter((s) => !s.hidden) : withData;
	if (!candidates.length) {
		if (sheets.length === 1) return sheets[0];
		throw new Error(W.emptySheets(fileName, quoted(sheets.map((s) => s.name))));
	}
	return candidates.reduce((best, s) => ((s.table?.cells ?? 0) > (best.table?.cells ?? 0) ? s : best));
}

/** Reads sheet `sheet` of the workbook `bytes` ('' = the one with the most data). */
export async function readExcel(bytes: Uint8Array, fileName: string, sheet = ''): Promise<ReadResult> {
	assertWorkbookBytes(bytes, fileName);
	const XLSX = await import('@e965/xlsx');
	let book: WorkBook;
	try {
		// A fresh copy: SheetJS writes into the options it is given (e.g. `type`).
		book = XLSX.read(bytes, { ...READ_OPTIONS });
	} catch (e) {
		throw workbookError(e, fileName);
	}
	const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
	const sheets: LaidOut[] = book.SheetNames.map((name, i) => ({
		name,
		hidden: Boolean(book.Workbook?.Sheets?.[i]?.Hidden),
		table: sheetTable(sheetGrid(book.Sheets[name], date1904))
	}));
	if (!sheets.length) throw new Error(W.noSheets(fileName));
	const chosen = pick(sheets, sheet, fileName);
	if (!chosen.table) throw new Error(W.emptySheet(chosen.name, fileName));

	const notes: string[] = [];
	const others = sheets.filter((s) => s !== chosen).map((s) => s.name);
	if (!sheet && others.length) notes.push(W.sheetChosen(chosen.name, quoted(others)));
	notes.push(...chosen.table.notes);
	return {
		table: chosen.table.table,
		notes,
		sheets: sheets.map((s) => ({ name: s.name, rows: s.table?.rows ?? 0, columns: s.table?.columns ?? 0 })),
		sheet: chosen.name
	};
}
