/**
 * The ownership matrix from a long table: one row per customer and item
 * (orders, subscriptions), with an optional quantity. Customers and items keep
 * their first-seen order.
 */
import { inputError } from '../shared/input-error';
import { textAt, type RawColumn } from '../shared/columns';
import type { OwnershipMatrix } from './types';

function columnOf(raw: RawColumn[], name: string | null, what: string): RawColumn {
	if (!name) throw inputError(`A long table needs its ${what} column.`);
	const column = raw.find((c) => c.name === name);
	if (!column) throw inputError(`There is no column named "${name}". Columns: ${raw.map((c) => c.name).join(', ')}.`);
	return column;
}

/** Rows with a missing customer or item are skipped; a quantity of 0 or less (or missing) is not ownership. */
export function matrixFromLong(raw: RawColumn[], userColumn: string | null, itemColumn: string | null, quantityColumn: string | null): OwnershipMatrix {
	const userCol = columnOf(raw, userColumn, 'customer id');
	const itemCol = columnOf(raw, itemColumn, 'item');
	const quantity = quantityColumn ? columnOf(raw, quantityColumn, 'quantity') : null;
	const users = new Map<string, number>();
	const items = new Map<string, number>();
	const pairs: number[] = [];
	const n = userCol.values.length;
	for (let r = 0; r < n; r++) {
		const u = textAt(userCol, r);
		const i = textAt(itemCol, r);
		if (u === null || i === null) continue;
		if (!users.has(u)) users.set(u, users.size);
		if (!items.has(i)) items.set(i, items.size);
		const q = quantity ? Number(textAt(quantity, r) ?? NaN) : 1;
		if (q > 0) pairs.push(users.get(u)!, items.get(i)!);
	}
	if (items.size < 2) throw inputError(`The column "${itemColumn}" names fewer than two items: nothing to recommend.`);
	const owned = new Uint8Array(users.size * items.size);
	for (let p = 0; p < pairs.length; p += 2) owned[pairs[p] * items.size + pairs[p + 1]] = 1;
	return { users: [...users.keys()], items: [...items.keys()], owned };
}
