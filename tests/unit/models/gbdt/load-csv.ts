/**
 * Tiny test-only CSV → Dataset loader (the product's preprocessing lives
 * elsewhere): RFC-4180 parsing, numeric columns = every non-empty value is a
 * number (empty → NaN), other columns categorical (levels from the training
 * rows; unseen test levels → -1).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dataset, FeatureColumn, Features } from '../../../../models/types';

export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') row.push(field), (field = '');
		else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length > 0) row.push(field), rows.push(row);
	return rows;
}

export interface SplitData {
	train: Dataset;
	test: Dataset;
}

/** Loads `path`, target column `target` with `positive` as class 1, split by the `split` column. */
export function loadSplit(path: string, target: string, positive: string): SplitData {
	const [header, ...body] = parseCsv(readFileSync(path, 'utf8')).filter((r) => r.length > 1);
	const col = (name: string) => header.indexOf(name);
	const splitAt = col('split');
	const targetAt = col(target);
	const trainRows = body.filter((r) => r[splitAt] === 'train');
	const testRows = body.filter((r) => r[splitAt] === 'test');
	const featureNames = header.filter((h) => h !== 'split' && h !== target);
	const numeric = featureNames.map((name) => body.every((r) => r[col(name)] === '' || Number.isFinite(Number(r[col(name)]))));
	const levels = featureNames.map((name, i) => (numeric[i] ? [] : [...new Set(trainRows.map((r) => r[col(name)]).filter((v) => v !== ''))]));
	const features = (rows: string[][]): Features => ({
		rows: rows.length,
		columns: featureNames.map((name, i): FeatureColumn => {
			const at = col(name);
			if (numeric[i]) return { name, kind: 'numeric', values: Float64Array.from(rows, (r) => (r[at] === '' ? NaN : Number(r[at]))) };
			return { name, kind: 'categorical', levels: levels[i], codes: Int32Array.from(rows, (r) => levels[i].indexOf(r[at])) };
		})
	});
	const classes = ['not ' + positive, positive];
	const labels = (rows: string[][]) => Int32Array.from(rows, (r) => (r[targetAt] === positive ? 1 : 0));
	return {
		train: { X: features(trainRows), y: labels(trainRows), classes },
		test: { X: features(testRows), y: labels(testRows), classes }
	};
}

/** Rank-based ROC AUC of the positive-class column of row-major `probabilities`. */
export function rocAuc(probabilities: Float64Array, y: Int32Array): number {
	const k = probabilities.length / y.length;
	const scores = Float64Array.from(y, (_, r) => probabilities[r * k + k - 1]);
	const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
	let rankSum = 0;
	let pos = 0;
	for (let i = 0; i < order.length; ) {
		let j = i;
		while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
		for (let t = i; t <= j; t++) if (y[order[t]] === 1) (rankSum += (i + j) / 2 + 1), pos++;
		i = j + 1;
	}
	return (rankSum - (pos * (pos + 1)) / 2) / (pos * (order.length - pos));
}

/** The repository's fixtures (`datasets/`), else the shared copy. */
const LOCAL = fileURLToPath(new URL('../../../../datasets', import.meta.url));
export const DATASETS = existsSync(`${LOCAL}/wa_churn.split.csv`) ? LOCAL : '/work/shared/datasets';
