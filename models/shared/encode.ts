/**
 * Features → a dense, row-major Float32 matrix for the linear and neural
 * learners: numerics median-imputed (plus a missing indicator when training
 * had gaps) and optionally standardized; categoricals one-hot with rare
 * levels grouped into "(other)" and missing values in "(missing)".
 * Everything is fitted on the training rows only and saved as plain data.
 */
import type { Features, ModelState } from '../types';

/** How to fit an encoder. */
export interface EncoderOptions {
	/** Scale numerics to mean 0, std 1 (one-hot and indicator columns stay 0/1, as in scikit-learn). */
	standardize: boolean;
	/** Most levels kept per categorical column (the most frequent); the rest go to "(other)". Default 50. */
	maxLevels?: number;
	/** Levels seen fewer times than this in training go to "(other)". Default 10. */
	minLevelCount?: number;
}

export const OTHER = '(other)';
export const MISSING = '(missing)';

export interface NumericEncoding {
	kind: 'numeric';
	name: string;
	median: number;
	mean: number;
	std: number;
	/** Training had missing values: an extra 0/1 "(missing)" column follows the value. */
	missingIndicator: boolean;
}

export interface CategoricalEncoding {
	kind: 'categorical';
	name: string;
	/** Kept levels, one column each, in this order. */
	levels: string[];
	/** An "(other)" column follows the kept levels (training had rare levels). */
	other: boolean;
	/** A "(missing)" column follows (training had missing values). */
	missing: boolean;
}

/** A fitted encoder: plain data, JSON- and structuredClone-safe. */
export interface EncoderState {
	version: 1;
	standardize: boolean;
	columns: (NumericEncoding | CategoricalEncoding)[];
	/** Encoded column names, e.g. "tenure", "contract=One year", "contract=(other)". */
	names: string[];
	/** Original column index (into `columns`) of each encoded column. */
	source: number[];
}

export interface EncodedMatrix {
	/** Row-major `rows × cols`. */
	matrix: Float32Array;
	rows: number;
	cols: number;
	names: string[];
	source: number[];
}

function median(sorted: Float64Array): number {
	const n = sorted.length;
	if (n === 0) return 0;
	return n % 2 ? sorted[(n - 1) >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** Fits the encoder on `X` (the training rows only). */
export function fitEncoder(X: Features, opts: EncoderOptions): EncoderState {
	const maxLevels = opts.maxLevels ?? 50;
	const minLevelCount = opts.minLevelCount ?? 10;
	if (!(Number.isInteger(maxLevels) && maxLevels >= 1)) throw new Error(`invalid maxLevels: ${maxLevels}`);
	if (!(minLevelCount >= 0)) throw new Error(`invalid minLevelCount: ${minLevelCount}`);
	const columns: EncoderState['columns'] = [];
	const names: string[] = [];
	const source: number[] = [];
	const push = (name: string, c: number) => (names.push(name), source.push(c));
	X.columns.forEach((col, c) => {
		if (col.kind === 'numeric') {
			const present = Float64Array.from(col.values.filter((v) => !Number.isNaN(v))).sort();
			const med = median(present);
			const missing = X.rows - present.length;
			// Mean and std of the imputed column, as scikit-learn's impute-then-scale pipeline computes them.
			let sum = missing * med;
			for (const v of present) sum += v;
			const mean = X.rows ? sum / X.rows : 0;
			let ss = missing * (med - mean) ** 2;
			for (const v of present) ss += (v - mean) ** 2;
			const std = X.rows ? Math.sqrt(ss / X.rows) : 0;
			columns.push({ kind: 'numeric', name: col.name, median: med, mean, std: std > 1e-12 ? std : 1, missingIndicator: missing > 0 });
			push(col.name, c);
			if (missing > 0) push(`${col.name}=${MISSING}`, c);
		} else {
			const counts = new Float64Array(col.levels.length);
			let missing = 0;
			for (const code of col.codes) code >= 0 ? counts[code]++ : missing++;
			// Most frequent first; ties keep the column's level order so the result is deterministic.
			const order = col.levels.map((_, i) => i).filter((i) => counts[i] > 0);
			order.sort((a, b) => counts[b] - counts[a] || a - b);
			const kept = order.filter((i) => counts[i] >= minLevelCount).slice(0, maxLevels);
			const levels = kept.map((i) => col.levels[i]);
			const other = kept.length < order.length;
			columns.push({ kind: 'categorical', name: col.name, levels, other, missing: missing > 0 });
			for (const level of levels) push(`${col.name}=${level}`, c);
			if (other) push(`${col.name}=${OTHER}`, c);
			if (missing > 0) push(`${col.name}=${MISSING}`, c);
		}
	});
	return { version: 1, standardize: opts.standardize, columns, names, source };
}

/** Encodes `X` with a fitted encoder; columns are found by name, levels by their text. */
export function encode(state: EncoderState, X: Features): EncodedMatrix {
	const rows = X.rows;
	const cols = state.names.length;
	const matrix = new Float32Array(rows * cols);
	let offset = 0;
	for (const enc of state.columns) {
		const col = X.columns.find((c) => c.name === enc.name);
		if (!col) throw new Error(`invalid features: missing column "${enc.name}"`);
		if (col.kind !== enc.kind) throw new Error(`invalid features: column "${enc.name}" is ${col.kind}, the model expects ${enc.kind}`);
		if (col.kind === 'numeric') {
			const e = enc as NumericEncoding;
			const scale = state.standardize ? 1 / e.std : 1;
			const shift = state.standardize ? e.mean : 0;
			for (let r = 0, at = offset; r < rows; r++, at += cols) {
				const v = col.values[r];
				const missing = Number.isNaN(v);
				matrix[at] = ((missing ? e.median : v) - shift) * scale;
				if (e.missingIndicator && missing) matrix[at + 1] = 1;
			}
			offset += e.missingIndicator ? 2 : 1;
		} else {
			const e = enc as CategoricalEncoding;
			// Code → offset of its one-hot column, or -1 (all zeros: unseen level with no "(other)").
			const kept = new Map(e.levels.map((level, i) => [level, i]));
			const otherAt = e.other ? e.levels.length : -1;
			const lookup = Int32Array.from(col.levels, (level) => kept.get(level) ?? otherAt);
			const missingAt = e.missing ? e.levels.length + (e.other ? 1 : 0) : -1;
			for (let r = 0, at = offset; r < rows; r++, at += cols) {
				const code = col.codes[r];
				const k = code >= 0 ? (code < lookup.length ? lookup[code] : otherAt) : missingAt;
				if (k >= 0) matrix[at + k] = 1;
			}
			offset += e.levels.length + (e.other ? 1 : 0) + (e.missing ? 1 : 0);
		}
	}
	return { matrix, rows, cols, names: state.names, source: state.source };
}

/* ---------- Small helpers the learners share (data checks and weights) ---------- */

/** The feature descriptors a model state records. */
export function describeFeatures(X: Features): ModelState['features'] {
	return X.columns.map((c) => (c.kind === 'numeric' ? { name: c.name, kind: c.kind } : { name: c.name, kind: c.kind, levels: [...c.levels] }));
}

/** Throws unless `data` is a usable training set: consistent lengths, labels in range, ≥ 2 classes. */
export function checkDataset(data: { X: Features; y: Int32Array; classes: string[]; weights?: Float64Array }): void {
	const { X, y, classes } = data;
	if (classes.length < 2) throw new Error(`invalid classes: ${JSON.stringify(classes)}`);
	if (y.length !== X.rows) throw new Error(`invalid y: ${y.length} labels for ${X.rows} rows`);
	if (X.rows === 0) throw new Error('invalid X: no rows');
	if (X.columns.length === 0) throw new Error('invalid X: no columns');
	for (const c of X.columns) {
		const n = c.kind === 'numeric' ? c.values.length : c.codes.length;
		if (n !== X.rows) throw new Error(`invalid column "${c.name}": ${n} values for ${X.rows} rows`);
	}
	for (const label of y) if (!(label >= 0 && label < classes.length)) throw new Error(`invalid label: ${label}`);
	if (data.weights && data.weights.length !== X.rows) throw new Error(`invalid weights: ${data.weights.length} for ${X.rows} rows`);
}

/**
 * Per-row training weights: the dataset's own weights (or 1) times, for
 * 'balanced', n / (classes × rows of the class), as scikit-learn computes it.
 */
export function rowWeights(y: Int32Array, classes: number, classWeight: 'balanced' | 'none', base?: Float64Array): Float32Array {
	const counts = new Float64Array(classes);
	for (const label of y) counts[label]++;
	const w = new Float32Array(y.length);
	for (let i = 0; i < y.length; i++) {
		const cw = classWeight === 'balanced' ? y.length / (classes * counts[y[i]]) : 1;
		w[i] = cw * (base ? base[i] : 1);
	}
	return w;
}

