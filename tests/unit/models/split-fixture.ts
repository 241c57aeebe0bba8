/**
 * Test-only CSV → Dataset loader for the fixed splits in `datasets/` (the
 * product's own path goes through DuckDB and is tested on its own):
 * RFC-4180 quoting; a column is numeric when every non-empty value parses as
 * a number, else categorical. AUC comes from the product's metrics.
 */
import { readFileSync } from 'node:fs';
import type { Dataset, FeatureColumn, Features } from '../../../models/types';
import { rocAuc } from '../../../models/shared/metrics';
import { datasetPath } from '../../shared/datasets';


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


/** Positive-class probability of each row of a binary prediction. */

export { rocAuc };

/** AUC of the positive-class column of row-major `probabilities` against labels `y`. */
export function probabilityAuc(probabilities: Float64Array, y: Int32Array): number {
	const k = probabilities.length / y.length;
	return rocAuc(Array.from(y), Float64Array.from(y, (_, r) => probabilities[r * k + k - 1]));
}
