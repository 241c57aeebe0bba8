/**
 * Which row of a sheet holds the column names. Exports often start with a
 * title ("Customer export — March 2026"), a date or a blank line above the
 * table, so the header is the first row that looks like one: most columns
 * named, mostly text, and followed by rows about as wide. Merged areas count
 * once (a title merged across the table is one cell, not a full row).
 */
import type { ImportedValue } from './imported-table';

/** The header is looked for among the first rows only; past them the table has started. */
const SCAN_ROWS = 50;
/** Rows after a candidate that must be about as wide as it. */
const FOLLOWING_ROWS = 5;
/** A header names at least this share of the table's columns. */
const FILLED_SHARE = 0.6;

const filled = (row: readonly ImportedValue[]) => row.reduce<number>((n, v) => (v === null ? n : n + 1), 0);
const texts = (row: readonly ImportedValue[]) => row.reduce<number>((n, v) => (typeof v === 'string' ? n + 1 : n), 0);

function looksLikeHeader(rows: readonly (readonly ImportedValue[])[], r: number, width: number): boolean {
	const count = filled(rows[r]);
	if (count === 0 || count < FILLED_SHARE * width) return false;
	if (texts(rows[r]) * 2 <= count) return false;
	const following: number[] = [];
	for (let next = r + 1; next < rows.length && following.length < FOLLOWING_ROWS; next++) {
		const n = filled(rows[next]);
		if (n > 0) following.push(n);
	}
	// A header with nothing under it is still the header (an empty export).
	return following.filter((n) => n * 2 >= count).length * 2 >= following.length;
}

/**
 * The index of the header row in `rows` (merged areas holding their value
 * in their first cell only), or -1 when every row is empty. When no row
 * looks like a header, the first non-empty row is taken.
 */
export function findHeaderRow(rows: readonly (readonly ImportedValue[])[]): number {
	const scan = Math.min(rows.length, SCAN_ROWS);
	// The table's width as its first rows show it (a few wide rows further down do not raise the bar).
	let width = 0;
	for (let r = 0; r < Math.min(rows.length, SCAN_ROWS + FOLLOWING_ROWS); r++) width = Math.max(width, filled(rows[r]));
	if (width === 0) return rows.findIndex((row) => filled(row) > 0);
	for (let r = 0; r < scan; r++) if (looksLikeHeader(rows, r, width)) return r;
	return rows.findIndex((row) => filled(row) > 0);
}
