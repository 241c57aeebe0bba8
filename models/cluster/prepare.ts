/**
 * Table columns → the dense matrix k-means sees, matching the scikit-learn
 * reference in BENCHMARKS.md: numerics median-imputed then standardized
 * (population std), categoricals one-hot with every level (no rare grouping).
 * Reuses the learners' encoder; only its numeric missing-indicator columns are
 * dropped, because the reference pipeline has none (wa_churn: 40 columns, not 41).
 */
import { encode, fitEncoder, type EncoderState } from '../shared/encode';
import { buildFeatures, type FeatureInfo } from '../shared/features';
import { textAt, type RawColumn } from '../shared/columns';
import type { Features } from '../types';
import { defaultClusterColumns } from './default-columns';
import type { DenseMatrix } from './distances';

export interface ClusterFeaturePlan {
	features: FeatureInfo[];
	excluded: { column: string; reason: string }[];
}

export interface PreparedMatrix extends DenseMatrix {
	/** Encoded column names, e.g. "tenure", "contract=One year". */
	names: string[];
	/** The fitted encoder (to prepare new rows the same way). */
	encoder: EncoderState;
	/** Encoded columns kept from the encoder's output (its numeric missing indicators are dropped). */
	kept: Int32Array;
}

/** Categories are one-hot encoded in full: no rare-level grouping for segmentation. */
const ALL_LEVELS = { minLevelCount: 1, maxLevels: 1_000_000 };

/**
 * Chooses the clustering columns: `columns` (default all but ID-named ones) minus `exclude`,
 * minus ID-like, constant and all-missing columns, each with the reason it was left out.
 */
export function planClusterFeatures(raw: RawColumn[], opts: { columns?: string[]; exclude?: string[] } = {}): ClusterFeaturePlan {
	const rows = raw[0]?.values.length ?? 0;
	const byDefault = opts.columns ? null : defaultClusterColumns(raw.map((c) => c.name));
	const names = opts.columns ?? byDefault!.columns;
	const features: FeatureInfo[] = [];
	const excluded: ClusterFeaturePlan['excluded'] = (byDefault?.excluded ?? []).filter((e) => !opts.exclude?.includes(e.column));
	for (const name of names) {
		if (opts.exclude?.includes(name)) continue;
		const column = raw.find((c) => c.name === name);
		if (!column) throw new Error(`There is no column named "${name}". Columns: ${raw.map((c) => c.name).join(', ')}.`);
		const counts = new Map<string, number>();
		let missing = 0;
		for (let r = 0; r < rows; r++) {
			const v = textAt(column, r);
			if (v === null) missing++;
			else counts.set(v, (counts.get(v) ?? 0) + 1);
		}
		const integer = column.type === 'text' || column.values.every((v) => Number.isNaN(v) || Number.isInteger(v));
		let reason: string | null = null;
		if (missing === rows) reason = 'every value is missing';
		else if (counts.size === 1 && missing === 0) reason = 'the same value on every row';
		else if (counts.size === rows && integer) reason = 'looks like an identifier (a different value on every row)';
		if (reason) excluded.push({ column: name, reason });
		else if (column.type === 'numeric') features.push({ name, kind: 'numeric' });
		else features.push({ name, kind: 'categorical', levels: [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b)) });
	}
	if (features.length === 0) throw new Error('No usable columns are left to cluster on: choose at least one.');
	return { features, excluded };
}

/** Encodes `X` with a fitted encoder, dropping its numeric missing indicators. */
export function encodeForClustering(encoder: EncoderState, X: Features): PreparedMatrix {
	const encoded = encode(encoder, X);
	const numeric = new Set(encoder.columns.filter((c) => c.kind === 'numeric').map((c) => `${c.name}=(missing)`));
	const kept = Int32Array.from(encoded.names.keys()).filter((i) => !numeric.has(encoded.names[i]));
	const cols = kept.length;
	if (cols === encoded.cols) return { data: encoded.matrix, rows: encoded.rows, cols, names: encoded.names, encoder, kept };
	const data = new Float32Array(encoded.rows * cols);
	for (let r = 0; r < encoded.rows; r++) for (let c = 0; c < cols; c++) data[r * cols + c] = encoded.matrix[r * encoded.cols + kept[c]];
	return { data, rows: encoded.rows, cols, names: Array.from(kept, (i) => encoded.names[i]), encoder, kept };
}

/** Fits the encoder on `X` and returns its dense, standardized matrix. */
export function prepareClusterMatrix(X: Features): PreparedMatrix {
	return encodeForClustering(fitEncoder(X, { standardize: true, ...ALL_LEVELS }), X);
}

/** Raw table columns → plan and matrix in one call (all rows). */
export function prepareFromRaw(raw: RawColumn[], opts: { columns?: string[]; exclude?: string[] } = {}): { plan: ClusterFeaturePlan; matrix: PreparedMatrix } {
	const plan = planClusterFeatures(raw, opts);
	return { plan, matrix: prepareClusterMatrix(buildFeatures(raw, plan.features)) };
}
