/**
 * Scoring input for tree ensembles: the caller's columns matched to the
 * fitted features by name, as one row-major Float64Array. Categorical codes
 * are remapped by level name to the training codes; unseen levels become
 * missing (NaN) and so follow each split's default direction.
 */
import type { Features, ModelState } from '../../types';

export interface AlignedRows {
	rows: number;
	features: number;
	/** Row-major raw values; NaN = missing. */
	values: Float64Array;
	categorical: Uint8Array;
}

export function alignFeatures(fitted: ModelState['features'], X: Features): AlignedRows {
	const F = fitted.length;
	const n = X.rows;
	const values = new Float64Array(n * F);
	const categorical = new Uint8Array(F);
	fitted.forEach((feature, f) => {
		const column = X.columns.find((c) => c.name === feature.name);
		if (!column) throw new Error(`invalid features: missing column ${feature.name}`);
		if (column.kind !== feature.kind) throw new Error(`invalid features: ${feature.name} is ${column.kind}, fitted as ${feature.kind}`);
		if (column.kind === 'numeric') {
			if (column.values.length !== n) throw new Error(`invalid features: ${feature.name} has ${column.values.length} rows, expected ${n}`);
			for (let r = 0, k = f; r < n; r++, k += F) values[k] = column.values[r];
			return;
		}
		if (column.codes.length !== n) throw new Error(`invalid features: ${feature.name} has ${column.codes.length} rows, expected ${n}`);
		categorical[f] = 1;
		const trainCode = new Map((feature.levels ?? []).map((level, code) => [level, code]));
		const remap = column.levels.map((level) => trainCode.get(level) ?? -1);
		for (let r = 0, k = f; r < n; r++, k += F) {
			const c = column.codes[r];
			const code = c >= 0 && c < remap.length ? remap[c] : -1;
			values[k] = code >= 0 ? code : NaN;
		}
	});
	return { rows: n, features: F, values, categorical };
}

/** Feature descriptors recorded in the state (names, kinds, levels). */
export function describeFeatures(X: Features): ModelState['features'] {
	return X.columns.map((c) =>
		c.kind === 'categorical' ? { name: c.name, kind: 'categorical', levels: [...c.levels] } : { name: c.name, kind: 'numeric' }
	);
}

/** Checks the training data's shape; throws `invalid …` errors. */
export function validateDataset(X: Features, y: Int32Array, classes: string[], weights?: Float64Array): void {
	if (!(X.rows > 0)) throw new Error(`invalid rows: ${X.rows}`);
	if (X.columns.length === 0) throw new Error('invalid features: no columns');
	if (y.length !== X.rows) throw new Error(`invalid y: ${y.length} labels for ${X.rows} rows`);
	if (classes.length < 2) throw new Error(`invalid classes: ${classes.length}`);
	if (weights && weights.length !== X.rows) throw new Error(`invalid weights: ${weights.length} for ${X.rows} rows`);
	for (const c of X.columns) {
		const len = c.kind === 'numeric' ? c.values.length : c.codes.length;
		if (len !== X.rows) throw new Error(`invalid column ${c.name}: ${len} rows, expected ${X.rows}`);
	}
	for (let i = 0; i < y.length; i++) if (!(y[i] >= 0 && y[i] < classes.length)) throw new Error(`invalid y: ${y[i]} at row ${i}`);
}

/**
 * `X`'s columns in the fitted order, categorical codes remapped to the
 * training levels (unseen → -1): lets validation rows be binned with the
 * training cuts.
 */
export function matchColumns(fitted: ModelState['features'], X: Features): Features {
	const columns = fitted.map((feature) => {
		const column = X.columns.find((c) => c.name === feature.name);
		if (!column || column.kind !== feature.kind) throw new Error(`invalid validation features: ${feature.name}`);
		if (column.kind === 'numeric') return column;
		const levels = feature.levels ?? [];
		const trainCode = new Map(levels.map((level, code) => [level, code]));
		const remap = column.levels.map((level) => trainCode.get(level) ?? -1);
		const codes = column.codes.map((c) => (c >= 0 && c < remap.length ? remap[c] : -1));
		return { name: column.name, kind: 'categorical' as const, codes, levels };
	});
	return { rows: X.rows, columns };
}
