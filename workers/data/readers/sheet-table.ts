/**
 * A sheet's table as Excel shows it: the header row found, the rows above it
 * (a title) left out, merged areas spread over the cells they cover, empty
 * rows and columns dropped. Each change is told in a note, by the row
 * numbers and cell addresses the user sees in the workbook.
 */
import { addressList, cellAddress, columnLetters, rangeAddress, type CellRange } from './a1';
import { findHeaderRow } from './header-row';
import type { ImportedTable, ImportedValue } from './imported-table';
import type { SheetGrid } from './sheet-grid';
import { formatCount } from '../../shared/language';
import { W } from './reader-notes';

export interface SheetTable {
	table: ImportedTable;
	/** Data rows and columns kept (the header row not counted). */
	rows: number;
	columns: number;
	/** Non-empty cells, header included: the measure that picks the default sheet. */
	cells: number;
	notes: string[];
}

const at = (cells: ImportedValue[][], r: number, c: number): ImportedValue => cells[r]?.[c] ?? null;
const isEmpty = (row: ImportedValue[] | undefined) => !row || row.every((v) => v === null || v === undefined);

function put(cells: ImportedValue[][], r: number, c: number, value: ImportedValue): void {
	while (cells.length <= r) cells.push([]);
	const row = cells[r];
	while (row.length < c) row.push(null);
	row[c] = value;
}

/**
 * Spreads merged areas in place: one starting on the header row repeats its
 * name across the columns it covers (not down into the data); one starting
 * in the data repeats its value in every cell it covers. Areas above the
 * header (a title) are left alone.
 */
function spreadMerges(cells: ImportedValue[][], merges: CellRange[], header: number): { named: CellRange[]; spread: CellRange[] } {
	const named: CellRange[] = [];
	const spread: CellRange[] = [];
	for (const m of merges) {
		const value = at(cells, m.s.r, m.s.c);
		if (value === null || m.s.r < header) continue;
		const lastRow = m.s.r === header ? header : m.e.r;
		if (lastRow === m.s.r && m.e.c === m.s.c) continue;
		for (let r = m.s.r; r <= lastRow; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) put(cells, r, c, value);
		(m.s.r === header ? named : spread).push(m);
	}
	return { named, spread };
}

/** A header cell as a column name: its text on one line (numbers and dates as Excel shows them). */
function headerName(value: ImportedValue): string {
	if (value === null) return '';
	if (value instanceof Date) {
		const iso = value.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
	}
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	return String(value).replace(/\s+/g, ' ').trim();
}

/** "row 7", "rows 7, 12": 1-based, as the workbook numbers them. */
const rowList = (rows: number[]) => W.rows(addressList(rows.map((r) => formatCount(r + 1)), 10), rows.length);

function errorNote(errors: SheetGrid['errors']): string {
	const byText = new Map<string, string[]>();
	for (const e of errors) {
		const cells = byText.get(e.text) ?? [];
		cells.push(cellAddress(e.row, e.column));
		byText.set(e.text, cells);
	}
	return W.errorCells(errors.length, [...byText].map(([text, cells]) => W.errorIn(text, addressList(cells))));
}

/** The table of `grid` (whose cells it changes), or null when the sheet has no data at all. */
export function sheetTable(grid: SheetGrid): SheetTable | null {
	const { cells } = grid;
	const header = findHeaderRow(cells);
	if (header < 0) return null;
	const { named, spread } = spreadMerges(cells, grid.merges, header);

	const dataRows: number[] = [];
	for (let r = header + 1; r < cells.length; r++) if (!isEmpty(cells[r])) dataRows.push(r);
	const kept = [header, ...dataRows];
	let width = 0;
	for (const r of kept) width = Math.max(width, cells[r].length);
	const columns: number[] = [];
	for (let c = 0; c < width; c++) if (kept.some((r) => at(cells, r, c) !== null)) columns.push(c);

	const table: ImportedTable = {
		columns: columns.map((c) => ({ name: headerName(at(cells, header, c)), values: dataRows.map((r) => at(cells, r, c)) }))
	};
	let filled = 0;
	for (const r of kept) for (const c of columns) if (at(cells, r, c) !== null) filled++;

	const notes: string[] = [];
	if (cells.slice(0, header).some((row) => !isEmpty(row))) {
		notes.push(W.titleRows(header));
	}
	if (named.length) {
		const list = named.map((m) => `"${headerName(at(cells, m.s.r, m.s.c))}" (${rangeAddress(m)})`);
		notes.push(W.mergedHeader(named.length, addressList(list)));
	}
	if (spread.length) notes.push(W.mergedCells(addressList(spread.map(rangeAddress))));
	const emptyRows = dataRows.length ? Array.from({ length: dataRows[dataRows.length - 1] - header }, (_, i) => header + 1 + i).filter((r) => isEmpty(cells[r])) : [];
	if (emptyRows.length) notes.push(W.emptyRows(emptyRows.length, rowList(emptyRows)));
	const keptColumns = new Set(columns);
	const emptyColumns = columns.length ? Array.from({ length: columns[columns.length - 1] - columns[0] }, (_, i) => columns[0] + i).filter((c) => !keptColumns.has(c)) : [];
	if (emptyColumns.length) notes.push(W.emptyColumns(emptyColumns.length, addressList(emptyColumns.map(columnLetters))));
	const inTable = new Set(kept);
	const errors = grid.errors.filter((e) => inTable.has(e.row) && keptColumns.has(e.column));
	if (errors.length) notes.push(errorNote(errors));
	if (grid.times) notes.push('Times of day without a date were read as text (hh:mm:ss).');
	if (!dataRows.length) notes.push('The sheet has a header row but no data rows.');
	return { table, rows: dataRows.length, columns: columns.length, cells: filled, notes };
}
