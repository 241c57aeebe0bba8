/**
 * The customer × item ownership matrix from a customer table whose item columns
 * say whether the customer has the item ('wide'), e.g. the telco services.
 * Spellings of "not owned" are one rule, so `phone_service = 0` and
 * `PhoneService = "No"` give the same matrix.
 */
import { inputError } from '../shared/input-error';
import { textAt, type RawColumn } from '../shared/columns';
import type { OwnershipMatrix } from './types';

/** Values meaning "not owned" (compared trimmed and lower-cased); empty and missing too. */
const NOT_OWNED = new Set(['no', 'no phone service', 'no internet service', '0', 'false', 'non', 'aucun', 'none', 'n']);

/** True when a wide item cell means the customer has the item (anything but a "not owned" spelling). */
export function isOwnedValue(value: string | number | null | undefined): boolean {
	if (value === null || value === undefined) return false;
	if (typeof value === 'number') return !Number.isNaN(value) && value !== 0;
	const v = value.trim().toLowerCase();
	return v !== '' && !NOT_OWNED.has(v) && Number(v) !== 0;
}

function columnOf(raw: RawColumn[], name: string): RawColumn {
	const column = raw.find((c) => c.name === name);
	if (!column) throw inputError(`There is no column named "${name}". Columns: ${raw.map((c) => c.name).join(', ')}.`);
	return column;
}

/** Customer ids: the id column's text (row numbers where missing) or row numbers from 1. */
export function userIds(raw: RawColumn[], userColumn: string | null, rows: number): string[] {
	if (!userColumn) return Array.from({ length: rows }, (_, r) => String(r + 1));
	const column = columnOf(raw, userColumn);
	return Array.from({ length: rows }, (_, r) => textAt(column, r) ?? String(r + 1));
}

/** The matrix of a wide table: one customer per row, one item per column of `items`. */
export function matrixFromWide(raw: RawColumn[], items: string[], userColumn: string | null): OwnershipMatrix {
	if (items.length < 2) throw inputError('Choose at least two item columns to recommend from.');
	if (new Set(items).size !== items.length) throw inputError(`invalid items: ${items.join(', ')} (a column is named twice)`);
	const columns = items.map((name) => columnOf(raw, name));
	const rows = raw[0]?.values.length ?? 0;
	const owned = new Uint8Array(rows * items.length);
	columns.forEach((column, i) => {
		for (let r = 0; r < rows; r++) if (isOwnedValue(column.type === 'numeric' ? column.values[r] : column.values[r])) owned[r * items.length + i] = 1;
	});
	return { users: userIds(raw, userColumn, rows), items: [...items], owned };
}
