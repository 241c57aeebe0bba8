/**
 * Customer columns → the Cox design matrix, coded as R's `coxph` formula
 * would: numbers as they are, text columns one-hot through the tabular
 * engine's encoder with the first level dropped (R's treatment contrast;
 * levels in code-point order, which is R's `factor()` order in the C
 * collation). Numbers stay in double precision: the encoder's Float32
 * matrix would move the coefficients away from R's in the fifth digit.
 */
import type { CategoricalColumn, Features } from '../types';
import type { RawColumn } from '../shared/columns';
import { encode, fitEncoder } from '../shared/encode';
import { inputError } from '../shared/input-error';

export interface EncodedCovariates {
	/** Row-major rows × names.length. */
	X: Float64Array;
	/** `contract=One year` for the level One year against the reference level. */
	names: string[];
	notes: string[];
	rows: number;
}

/** R's `sort()` of factor levels in the C collation: by code point, not by the browser's locale. */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function categorical(column: { name: string; values: (string | null)[] }): CategoricalColumn {
	const levels = [...new Set(column.values.filter((v): v is string => v !== null))].sort(byCodePoint);
	const index = new Map(levels.map((level, i) => [level, i]));
	return { name: column.name, kind: 'categorical', levels, codes: Int32Array.from(column.values, (v) => (v === null ? -1 : index.get(v)!)) };
}

/** Encodes the `names` columns of `columns` (all rows). */
export function encodeCovariates(columns: RawColumn[], names: string[]): EncodedCovariates {
	const notes: string[] = [];
	const rows = columns[0]?.values.length ?? 0;
	const blocks: { names: string[]; value: (row: number, k: number) => number }[] = [];
	for (const name of names) {
		const column = columns.find((c) => c.name === name);
		if (!column) throw inputError(`There is no column "${name}" to use as a covariate.`);
		if (column.values.length !== rows) throw new Error(`invalid column "${name}": ${column.values.length} values for ${rows} rows`);
		if (column.type === 'numeric') {
			let sum = 0;
			let present = 0;
			for (const v of column.values) if (!Number.isNaN(v)) (sum += v, present++);
			if (present === 0) {
				notes.push(`${name} has no values: left out of the Cox model.`);
				continue;
			}
			const mean = sum / present;
			// R would drop these customers; keeping them at the mean keeps every curve on the same customers.
			if (present < rows) notes.push(`${name}: ${rows - present} missing values replaced by the mean (${Number(mean.toPrecision(6))}).`);
			const first = column.values.find((v) => !Number.isNaN(v));
			if (column.values.every((v) => Number.isNaN(v) || v === first)) {
				notes.push(`${name} has one value only: left out of the Cox model.`);
				continue;
			}
			const values = column.values;
			blocks.push({ names: [name], value: (row) => (Number.isNaN(values[row]) ? mean : values[row]) });
			continue;
		}
		const features: Features = { rows, columns: [categorical(column)] };
		// Every level kept (no "(other)" grouping): each one gets its own hazard ratio, as in R.
		const state = fitEncoder(features, { standardize: false, minLevelCount: 0, maxLevels: Number.MAX_SAFE_INTEGER });
		const encoded = encode(state, features);
		const levels = (state.columns[0] as { levels: string[] }).levels;
		if (levels.length < 2) {
			notes.push(`${name} has one value only: left out of the Cox model.`);
			continue;
		}
		// The encoder orders levels by frequency; the reference is R's first level in code-point order.
		const reference = [...levels].sort(byCodePoint)[0];
		const keep = state.names.map((_, k) => k).filter((k) => state.names[k] !== `${name}=${reference}`);
		if (encoded.names.includes(`${name}=(missing)`)) notes.push(`${name}: missing values form their own level "(missing)".`);
		notes.push(`${name}: hazard ratios against ${name} = ${reference}.`);
		keep.sort((a, b) => byCodePoint(state.names[a], state.names[b]));
		const matrix = encoded.matrix;
		const cols = encoded.cols;
		blocks.push({ names: keep.map((k) => state.names[k]), value: (row, k) => matrix[row * cols + keep[k]] });
	}
	const encodedNames = blocks.flatMap((b) => b.names);
	const p = encodedNames.length;
	const X = new Float64Array(rows * p);
	let offset = 0;
	for (const block of blocks) {
		for (let row = 0; row < rows; row++) for (let k = 0; k < block.names.length; k++) X[row * p + offset + k] = block.value(row, k);
		offset += block.names.length;
	}
	return { X, names: encodedNames, notes, rows };
}
