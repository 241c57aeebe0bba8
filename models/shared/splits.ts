/**
 * Train/test splits and cross-validation folds, stratified by class and
 * seeded, so the same table and seed always give the same rows.
 */
import { createRng } from './random';

/** Rows of each class, shuffled with `seed`. */
function shuffledByClass(y: ArrayLike<number>, seed: number): number[][] {
	const rng = createRng(seed);
	const byClass = new Map<number, number[]>();
	for (let i = 0; i < y.length; i++) {
		const rows = byClass.get(y[i]) ?? [];
		rows.push(i);
		byClass.set(y[i], rows);
	}
	const groups = [...byClass.entries()].sort((a, b) => a[0] - b[0]).map(([, rows]) => rows);
	for (const rows of groups) {
		for (let i = rows.length - 1; i > 0; i--) {
			const j = Math.floor(rng() * (i + 1));
			[rows[i], rows[j]] = [rows[j], rows[i]];
		}
	}
	return groups;
}

export interface Split {
	train: Int32Array;
	test: Int32Array;
}

/** Stratified split: about `testFraction` of every class goes to the test rows. */
export function stratifiedSplit(y: ArrayLike<number>, testFraction: number, seed: number): Split {
	if (!(testFraction > 0 && testFraction < 1)) throw new Error(`invalid testFraction: ${testFraction}`);
	let train: number[] = [];
	let test: number[] = [];
	for (const rows of shuffledByClass(y, seed)) {
		const nTest = Math.round(rows.length * testFraction);
		// concat, not push(...): a class of 100,000 customers would overflow a worker's stack as arguments.
		test = test.concat(rows.slice(0, nTest));
		train = train.concat(rows.slice(nTest));
	}
	return { train: Int32Array.from(train.sort((a, b) => a - b)), test: Int32Array.from(test.sort((a, b) => a - b)) };
}

/** `k` stratified folds over `rows` (positions into `y`): each fold's held-out rows. */
export function stratifiedFolds(y: ArrayLike<number>, rows: Int32Array, k: number, seed: number): Split[] {
	if (!(Number.isInteger(k) && k >= 2)) throw new Error(`invalid folds: ${k}`);
	const local = Array.from(rows, (r) => y[r]);
	const fold = new Int32Array(rows.length);
	for (const members of shuffledByClass(local, seed)) members.forEach((m, i) => (fold[m] = i % k));
	return Array.from({ length: k }, (_, f) => {
		const train: number[] = [];
		const test: number[] = [];
		rows.forEach((r, i) => (fold[i] === f ? test : train).push(r));
		return { train: Int32Array.from(train), test: Int32Array.from(test) };
	});
}
