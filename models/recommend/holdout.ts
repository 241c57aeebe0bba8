/**
 * The hidden-item evaluation: one owned item hidden per customer with at least
 * two (seeded), the models fitted without it, and those customers split in
 * half: validation (choices and weights are tuned there) and test (reported).
 */
import { createRng, shuffle } from '../shared/random';
import type { OwnershipMatrix } from './types';

/** Customers of the evaluation and the item hidden from each. */
export interface HiddenItems {
	users: Int32Array;
	hidden: Int32Array;
}

export interface Holdout {
	/** The ownership matrix with the hidden items removed (what the models fit on). */
	train: Uint8Array;
	validation: HiddenItems;
	test: HiddenItems;
}

/** Hides one owned item of every customer owning two or more, and splits those customers in half (seeded). */
export function hideOneItem(matrix: OwnershipMatrix, seed: number): Holdout {
	const items = matrix.items.length;
	const rows = matrix.users.length;
	const rng = createRng(seed);
	const train = matrix.owned.slice();
	const users: number[] = [];
	const hidden: number[] = [];
	const mine = new Int32Array(items);
	for (let u = 0; u < rows; u++) {
		let count = 0;
		for (let j = 0; j < items; j++) if (matrix.owned[u * items + j]) mine[count++] = j;
		if (count < 2) continue;
		const h = mine[Math.floor(rng() * count)];
		train[u * items + h] = 0;
		users.push(u);
		hidden.push(h);
	}
	const order = shuffle(Array.from(users.keys()), rng);
	const half = Math.ceil(order.length / 2);
	const pick = (part: number[]): HiddenItems => {
		part.sort((a, b) => a - b);
		return { users: Int32Array.from(part, (i) => users[i]), hidden: Int32Array.from(part, (i) => hidden[i]) };
	};
	return { train, validation: pick(order.slice(0, half)), test: pick(order.slice(half)) };
}
