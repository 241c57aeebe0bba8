/**
 * A worksheet as a grid of values, before anything is decided about its
 * layout. A merged area keeps its value in its top-left cell only (as the
 * file stores it): whether it spreads depends on where the header is.
 */
import type { WorkSheet } from '@e965/xlsx';
import type { CellRange } from './a1';
import { cellValue, errorText } from './excel-cell';
import type { ImportedValue } from './imported-table';

export interface CellError {
	row: number;
	column: number;
	/** As Excel shows it, e.g. `#N/A`. */
	text: string;
}

export interface SheetGrid {
	/** Values by row and column, 0-based from A1; rows may be shorter than `width`. */
	cells: ImportedValue[][];
	width: number;
	merges: CellRange[];
	/** Cells that showed a spreadsheet error (read as missing). */
	errors: CellError[];
	/** How many times of day without a date were read as text. */
	times: number;
}

/** The grid of a sheet read in dense mode (`sheet['!data'][row][column]`); `date1904`: the workbook counts days from 1904. */
export function sheetGrid(sheet: WorkSheet | undefined, date1904 = false): SheetGrid {
	const data = sheet?.['!data'] ?? [];
	const cells: ImportedValue[][] = [];
	const errors: CellError[] = [];
	let width = 0;
	let times = 0;
	for (let r = 0; r < data.length; r++) {
		const source = data[r] ?? [];
		const row: ImportedValue[] = new Array(source.length).fill(null);
		for (let c = 0; c < source.length; c++) {
			const cell = source[c];
			const error = errorText(cell);
			if (error !== null) errors.push({ row: r, column: c, text: error });
			else row[c] = cellValue(cell, date1904);
			if (cell?.t === 'd' && typeof row[c] === 'string') times++;
		}
		// Trailing empty cells do not widen the sheet (a formatted but empty column).
		let end = row.length;
		while (end > 0 && row[end - 1] === null) end--;
		row.length = end;
		width = Math.max(width, end);
		cells.push(row);
	}
	while (cells.length && cells[cells.length - 1].length === 0) cells.pop();
	return { cells, width, merges: (sheet?.['!merges'] ?? []).map((m) => ({ s: { ...m.s }, e: { ...m.e } })), errors, times };
}
