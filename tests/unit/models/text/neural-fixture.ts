/** Helpers shared by the neural text model tests: a separable toy corpus, the review split, contexts. */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../split-fixture';
import type { TextDataset, TextFitContext } from '../../../../models/text/types';
import { datasetPath } from '../../../shared/datasets';

const POSITIVE = ['great', 'delicious', 'love', 'excellent', 'perfect', 'tasty'];
const NEGATIVE = ['awful', 'stale', 'hate', 'terrible', 'bland', 'disgusting'];
const FILLER = ['coffee', 'tea', 'snack', 'box', 'flavor', 'price', 'bag', 'cookie', 'sauce', 'chips'];

/**
 * Texts whose class is set by which list their two opinion words come from
 * (fillers are shared): any model that reads words can separate them perfectly.
 * With `classes = 3`, class 2 texts use only fillers and "okay".
 */
export function toyCorpus(n: number, seed = 1, classes = 2): TextDataset {
	let s = seed;
	const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
	const any = (list: string[]) => list[Math.floor(rand() * list.length)];
	const texts: string[] = [];
	const y = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const label = i % classes;
		y[i] = label;
		const opinion = label === 0 ? NEGATIVE : label === 1 ? POSITIVE : ['okay'];
		texts.push(`The ${any(FILLER)} was ${any(opinion)} and the ${any(FILLER)} is ${any(opinion)}. <br />${any(FILLER)}`);
	}
	return { texts, y, classes: classes === 2 ? ['bad', 'good'] : ['bad', 'good', 'meh'] };
}

export function quietContext(seed = 1, signal: AbortSignal = new AbortController().signal, validation?: TextDataset): TextFitContext {
	return { seed, signal, progress: () => {}, ...(validation ? { validation } : {}) };
}

export function accuracy(y: Int32Array, probabilities: Float64Array, k: number): number {
	let right = 0;
	y.forEach((label, i) => {
		const row = probabilities.subarray(i * k, (i + 1) * k);
		right += Number(row.indexOf(Math.max(...row)) === label);
	});
	return right / y.length;
}

/** The fixed review split (`small_fine_foods.split.csv`): classes ['other', 'great']. */
export function reviewSplit(): { train: TextDataset; test: TextDataset } {
	const path = datasetPath('small_fine_foods.split.csv');
	const [head, ...body] = parseCsv(readFileSync(path, 'utf8'));
	const [review, score, split] = ['review', 'score', 'split'].map((c) => head.indexOf(c));
	const make = (name: string): TextDataset => {
		const rows = body.filter((r) => r[split] === name);
		return { texts: rows.map((r) => r[review]), y: Int32Array.from(rows, (r) => Number(r[score] === 'great')), classes: ['other', 'great'] };
	};
	return { train: make('train'), test: make('test') };
}
