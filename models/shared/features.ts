/**
 * From raw table columns to model inputs: which columns are features, their
 * kind (numeric or categorical), their levels (learned on training rows only),
 * and which columns are left out by default and why (ID-like, constant,
 * all missing, or leaking the target).
 */
import type { CategoricalColumn, Dataset, FeatureColumn, Features, ModelState, NumericColumn } from '../types';
import { textAt, type RawColumn } from './columns';
import { inputError } from './input-error';
import { rocAuc } from './metrics';

/** One feature as the model sees it; saved in the model state. */
export type FeatureInfo = ModelState['features'][number];

export interface FeaturePlan {
	target: string;
	/** Class labels; for a binary target index 1 is the positive class. */
	classes: string[];
	features: FeatureInfo[];
	excluded: { column: string; reason: string }[];
}

/** Categories seen fewer times than this in training are grouped as "(other)" (kept out of `levels`). */
const MAX_LEVELS = 200;
/** A single column that separates the classes this well is almost surely a leak (e.g. "churn_date"). */
const LEAK_AUC = 0.99;

function columnOf(raw: RawColumn[], name: string): RawColumn {
	const column = raw.find((c) => c.name === name);
	if (!column) throw inputError(`There is no column named "${name}". Columns: ${raw.map((c) => c.name).join(', ')}.`);
	return column;
}

/** Class labels of the target on `rows`, positive last for binary targets. */
export function targetClasses(target: RawColumn, rows: ArrayLike<number>, positive: string | null): string[] {
	const counts = new Map<string, number>();
	for (let i = 0; i < rows.length; i++) {
		const v = textAt(target, rows[i]);
		if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
	}
	const labels = [...counts.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
	if (labels.length < 2) {
		const found = labels.length === 0 ? 'is empty in every training row' : `has only one value ("${labels[0]}") in the training rows`;
		throw inputError(`The target "${target.name}" ${found}: a model needs at least two classes to learn from.`);
	}
	if (labels.length === 2) {
		// Default positive class: the minority (churners are usually fewer than stayers).
		const pos = positive ?? [...labels].sort((a, b) => counts.get(a)! - counts.get(b)!)[0];
		if (!labels.includes(pos)) throw inputError(`The target "${target.name}" has no value "${pos}"; its values are ${labels.join(', ')}.`);
		return [labels.find((l) => l !== pos)!, pos];
	}
	return labels;
}

/** Class index per row; -1 where the target is missing. */
export function encodeTarget(target: RawColumn, classes: string[]): Int32Array {
	const index = new Map(classes.map((c, i) => [c, i]));
	const y = new Int32Array(target.values.length);
	for (let r = 0; r < y.length; r++) y[r] = index.get(textAt(target, r) ?? '\u0000') ?? -1;
	return y;
}

function isIntegerColumn(values: Float64Array): boolean {
	for (const v of values) if (!Number.isNaN(v) && !Number.isInteger(v)) return false;
	return true;
}

/**
 * AUC of one column used alone to rank the positive class (max of both directions).
 * Missing values rank lowest: a column filled only for churners ("churn_date") is a leak too.
 */
function singleColumnAuc(values: Float64Array, y: Int32Array, rows: Int32Array): number {
	const labelled = Array.from(rows).filter((r) => y[r] >= 0);
	const labels = labelled.map((r) => (y[r] === 1 ? 1 : 0));
	const scores = labelled.map((r) => (Number.isNaN(values[r]) ? -Infinity : values[r]));
	const auc = rocAuc(labels, scores);
	return Number.isNaN(auc) ? 0.5 : Math.max(auc, 1 - auc);
}

/** Category codes → mean target per category, as numbers (to test categorical leaks the same way). */
function categoryRates(column: RawColumn, y: Int32Array, rows: Int32Array): Float64Array {
	const sums = new Map<string, [number, number]>();
	for (const r of rows) {
		const v = textAt(column, r) ?? '(missing)';
		const s = sums.get(v) ?? [0, 0];
		s[0] += y[r] === 1 ? 1 : 0;
		s[1]++;
		sums.set(v, s);
	}
	const rate = new Float64Array(column.values.length).fill(NaN);
	for (const r of rows) {
		const s = sums.get(textAt(column, r) ?? '(missing)')!;
		// Categories met once tell nothing: they share one neutral rank in the leak test.
		rate[r] = s[1] > 1 ? s[0] / s[1] : -1;
	}
	return rate;
}

/**
 * Decides the features: every column but the target (or the user's `chosen` list), minus
 * ID-like, constant, all-missing and target-leaking columns unless `keep` names them.
 */
export function planFeatures(
	raw: RawColumn[],
	opts: { target: string; positive: string | null; trainRows: Int32Array; chosen?: string[]; keep?: string[]; exclude?: string[] }
): FeaturePlan {
	const target = columnOf(raw, opts.target);
	const classes = targetClasses(target, opts.trainRows, opts.positive);
	const y = encodeTarget(target, classes);
	const names = opts.chosen ?? raw.map((c) => c.name);
	const features: FeatureInfo[] = [];
	const excluded: FeaturePlan['excluded'] = [];
	for (const name of names) {
		if (name === opts.target || opts.exclude?.includes(name)) continue;
		const column = columnOf(raw, name);
		const seen = new Set<string>();
		let missing = 0;
		for (const r of opts.trainRows) {
			const v = textAt(column, r);
			if (v === null) missing++;
			else seen.add(v);
		}
		const n = opts.trainRows.length;
		let reason: string | null = null;
		if (missing === n) reason = 'every value is missing';
		else if (seen.size === 1 && missing === 0) reason = 'the same value on every row';
		else if (seen.size === n && (column.type === 'text' || isIntegerColumn(column.values))) reason = 'looks like an identifier (a different value on every row)';
		else if (classes.length === 2) {
			const auc = singleColumnAuc(column.type === 'numeric' ? column.values : categoryRates(column, y, opts.trainRows), y, opts.trainRows);
			if (auc >= LEAK_AUC) reason = `leaks the target: alone it predicts ${opts.target} almost perfectly (AUC ${auc.toFixed(3)})`;
		}
		if (reason && !opts.keep?.includes(name)) {
			excluded.push({ column: name, reason });
			continue;
		}
		if (column.type === 'numeric') features.push({ name, kind: 'numeric' });
		else {
			const counts = new Map<string, number>();
			for (const r of opts.trainRows) {
				const v = column.values[r];
				if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
			}
			const levels = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_LEVELS).map(([l]) => l);
			features.push({ name, kind: 'categorical', levels });
		}
	}
	if (features.length === 0) throw inputError('No usable feature columns are left: choose at least one column besides the target.');
	return { target: opts.target, classes, features, excluded };
}

/** Model inputs for `rows` (all rows when omitted); unseen categories become missing (-1). */
export function buildFeatures(raw: RawColumn[], features: FeatureInfo[], rows?: Int32Array): Features {
	const n = rows ? rows.length : (raw[0]?.values.length ?? 0);
	const at = (i: number) => (rows ? rows[i] : i);
	const columns: FeatureColumn[] = features.map((f) => {
		const column = raw.find((c) => c.name === f.name);
		if (!column) throw inputError(`The column "${f.name}" is missing: the model was trained with it.`);
		if (f.kind === 'numeric') {
			if (column.type !== 'numeric') throw inputError(`The column "${f.name}" holds text, but the model was trained on numbers there.`);
			const values = new Float64Array(n);
			for (let i = 0; i < n; i++) values[i] = column.values[at(i)];
			return { name: f.name, kind: 'numeric', values } satisfies NumericColumn;
		}
		const index = new Map((f.levels ?? []).map((l, i) => [l, i]));
		const codes = new Int32Array(n);
		for (let i = 0; i < n; i++) {
			const v = textAt(column, at(i));
			codes[i] = v === null ? -1 : (index.get(v) ?? -1);
		}
		return { name: f.name, kind: 'categorical', codes, levels: f.levels ?? [] } satisfies CategoricalColumn;
	});
	return { rows: n, columns };
}

/** A labelled dataset for `rows`, dropping rows whose target is missing. */
export function buildDataset(raw: RawColumn[], plan: FeaturePlan, rows: Int32Array): Dataset {
	const y = encodeTarget(columnOf(raw, plan.target), plan.classes);
	const labelled = Int32Array.from(Array.from(rows).filter((r) => y[r] >= 0));
	return { X: buildFeatures(raw, plan.features, labelled), y: Int32Array.from(labelled, (r) => y[r]), classes: plan.classes };
}
