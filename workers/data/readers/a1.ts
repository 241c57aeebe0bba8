/**
 * Cell addresses as a spreadsheet shows them (`B7`, `D5:E9`), so notes point
 * at the cells the user sees. Rows and columns are 0-based here.
 */

/** `0` → `A`, `25` → `Z`, `26` → `AA`. */
export function columnLetters(column: number): string {
	let letters = '';
	for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}

export const cellAddress = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;

export interface CellRange {
	s: { r: number; c: number };
	e: { r: number; c: number };
}

export const rangeAddress = (range: CellRange) => `${cellAddress(range.s.r, range.s.c)}:${cellAddress(range.e.r, range.e.c)}`;

/** "B5, B9, … and 3 more": the first few addresses of a list. */
export function addressList(addresses: string[], shown = 5): string {
	const more = addresses.length - shown;
	return addresses.slice(0, shown).join(', ') + (more > 0 ? ` and ${more.toLocaleString('en-US')} more` : '');
}
