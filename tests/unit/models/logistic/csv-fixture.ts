/**
 * Test-only CSV → Features loader and AUC helper (the product's own loader
 * lives elsewhere): RFC-4180 quoting; a column is numeric when every
 * non-empty value parses as a number, else categorical.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync, readFileSync } from 'node:fs';
import type { Dataset, FeatureColumn, Features } from '../../../../models/types';

/** The fixed benchmark splits: the repo's datasets/ when they are there, else the team's shared folder. */
const DATASET_DIRS = [process.env.DATASETS_DIR, 'datasets', '/work/shared/datasets'].filter(Boolean) as string[];
const datasetPath = (file: string) => DATASET_DIRS.map((d) => `${d}/${file}`).find((p) => existsSync(p)) ?? `datasets/${file}`;

/** Rows of cells; handles quotes, doubled quotes and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') row.push(cell), (cell = '');
		else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(cell), rows.push(row), (row = []), (cell = '');
		} else cell += ch;
	}
	if (cell !== '' || row.length) row.push(cell), rows.push(row);
	return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** Features from text columns (all rows), keeping the given row indices. */
export function toFeatures(header: string[], body: string[][], keep: number[]): Features {
	const columns: FeatureColumn[] = header.map((name, c) => {
		const cells = body.map((r) => r[c]?.trim() ?? '');
		const numeric = cells.every((v) => v === '' || Number.isFinite(Number(v)));
		if (numeric) return { name, kind: 'numeric', values: Float64Array.from(keep, (r) => (cells[r] === '' ? NaN : Number(cells[r]))) };
		const levels = [...new Set(cells.filter((v) => v !== ''))].sort();
		const index = new Map(levels.map((l, i) => [l, i]));
		return { name, kind: 'categorical', levels, codes: Int32Array.from(keep, (r) => index.get(cells[r]) ?? -1) };
	});
	return { rows: keep.length, columns };
}

/** Train and test datasets of a `*.split.csv` (column `split`), binary target with `positive` as class 1. */
export function loadSplit(file: string, target: string, positive: string): { train: Dataset; test: Dataset } {
	const [head, ...body] = parseCsv(readFileSync(datasetPath(file), 'utf8'));
	const t = head.indexOf(target);
	const s = head.indexOf('split');
	const featureIdx = head.map((_, i) => i).filter((i) => i !== t && i !== s);
	const negative = body.find((r) => r[t] !== positive)![t];
	const make = (split: string): Dataset => {
		const keep = body.map((_, i) => i).filter((i) => body[i][s] === split);
		const X = toFeatures(featureIdx.map((i) => head[i]), body.map((r) => featureIdx.map((i) => r[i])), keep);
		return { X, y: Int32Array.from(keep, (i) => (body[i][t] === positive ? 1 : 0)), classes: [negative, positive] };
	};
	return { train: make('train'), test: make('test') };
}

/** ROC AUC by ranks (ties get their average rank). */
export function rocAuc(y: ArrayLike<number>, score: ArrayLike<number>): number {
	const order = Array.from(score, (_, i) => i).sort((a, b) => score[a] - score[b]);
	const ranks = new Float64Array(order.length);
	for (let i = 0; i < order.length; ) {
		let j = i;
		while (j + 1 < order.length && score[order[j + 1]] === score[order[i]]) j++;
		for (let k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2 + 1;
		i = j + 1;
	}
	let pos = 0;
	let rankSum = 0;
	for (let i = 0; i < y.length; i++) if (y[i] === 1) pos++, (rankSum += ranks[i]);
	const neg = y.length - pos;
	return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Positive-class probability of each row of a binary prediction. */
export const positiveScores = (probabilities: Float64Array): Float64Array => probabilities.filter((_, i) => i % 2 === 1);

/** A context that records progress and never cancels. */
export function quietContext(seed = 1, signal: AbortSignal = new AbortController().signal) {
	return { seed, signal, progress: () => {} };
}

/** A small 3-class task: class by the sign pattern of two numbers, plus a noisy categorical. */
export function threeClassTask(rows = 300, seed = 7): Dataset {
	let s = seed;
	const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
	const a = new Float64Array(rows);
	const b = new Float64Array(rows);
	const codes = new Int32Array(rows);
	const y = new Int32Array(rows);
	for (let r = 0; r < rows; r++) {
		y[r] = r % 3;
		a[r] = (y[r] === 0 ? -2 : y[r] === 1 ? 0 : 2) + rand();
		b[r] = (y[r] === 1 ? 2 : -1) + rand();
		codes[r] = rand() < 0.8 ? y[r] : Math.floor(rand() * 3);
	}
	return {
		X: { rows, columns: [{ name: 'usage', kind: 'numeric', values: a }, { name: 'tickets', kind: 'numeric', values: b }, { name: 'plan', kind: 'categorical', codes, levels: ['basic', 'plus', 'pro'] }] },
		y,
		classes: ['low', 'mid', 'high']
	};
}

/**
 * Switches TF.js backend for a test: 'wasm' (single-threaded, much faster in
 * Node) for the quality floors, 'cpu' for determinism and memory checks.
 */
export async function useBackend(name: 'cpu' | 'wasm'): Promise<void> {
	if (name === 'wasm') {
		await import('@tensorflow/tfjs-backend-wasm');
		tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	}
	await tf.setBackend(name);
	await tf.ready();
}

/** What `p` rejected with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error> {
	try {
		await p;
	} catch (e) {
		return e as Error;
	}
	throw new Error('expected a rejection');
}
