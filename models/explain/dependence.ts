/**
 * Partial dependence (PDP) and individual conditional expectation (ICE) of
 * the churn probability on one column, over a sample of customers.
 */
import type { FeatureColumn, Features } from '../types';
import { predictRows, throwIfAborted } from './perturb';
import type { Predictor } from './types';

export interface DependenceResult {
	feature: string;
	kind: 'numeric' | 'categorical';
	/** Numeric: up to gridSize distinct quantile points of the sample; categorical: the levels. */
	grid: (number | string)[];
	/** Mean probability per grid point (PDP). */
	average: number[];
	/** Per sampled row (the first ≤ iceRows rows), probability per grid point. */
	ice: number[][];
	rows: number;
}

export interface DependenceOptions {
	/** Numeric grid points (default 20). */
	gridSize?: number;
	/** ICE curves kept (default 50). */
	iceRows?: number;
	signal?: AbortSignal;
	progress?(fraction: number): void;
}

/**
 * Sets column `featureIndex` of every row of `X` to each grid value in turn
 * and scores the whole sample once per grid point.
 * @example const pd = await partialDependence(predict, sample, 2, { gridSize: 10 });
 */
export async function partialDependence(predict: Predictor, X: Features, featureIndex: number, options: DependenceOptions = {}): Promise<DependenceResult> {
	if (!Number.isInteger(featureIndex) || featureIndex < 0 || featureIndex >= X.columns.length) throw new Error(`invalid featureIndex: ${featureIndex}`);
	const gridSize = Math.floor(options.gridSize ?? 20);
	if (!(gridSize >= 1)) throw new Error(`invalid gridSize: ${options.gridSize}`);
	const iceRows = Math.max(0, Math.min(X.rows, Math.floor(options.iceRows ?? 50)));
	const column = X.columns[featureIndex];
	const grid: (number | string)[] = column.kind === 'numeric' ? quantileGrid(column.values, gridSize) : [...column.levels];
	const average: number[] = [];
	const ice: number[][] = Array.from({ length: iceRows }, () => []);
	for (const [g, value] of grid.entries()) {
		throwIfAborted(options.signal);
		const columns = X.columns.slice();
		columns[featureIndex] = constantColumn(column, X.rows, g, value);
		const p = X.rows > 0 ? await predictRows(predict, { rows: X.rows, columns }) : new Float64Array(0);
		let sum = 0;
		for (const v of p) sum += v;
		average.push(X.rows > 0 ? sum / X.rows : NaN);
		for (let r = 0; r < iceRows; r++) ice[r].push(p[r]);
		options.progress?.((g + 1) / grid.length);
	}
	throwIfAborted(options.signal);
	return { feature: column.name, kind: column.kind, grid, average, ice, rows: X.rows };
}

/** `column` with every row set to grid point `g` (its `value`). */
function constantColumn(column: FeatureColumn, rows: number, g: number, value: number | string): FeatureColumn {
	if (column.kind === 'numeric') return { ...column, values: new Float64Array(rows).fill(value as number) };
	return { ...column, codes: new Int32Array(rows).fill(g) };
}

/** Up to `size` distinct quantiles (linear interpolation) of the non-missing values, ascending. */
export function quantileGrid(values: Float64Array, size: number): number[] {
	const sorted = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
	if (sorted.length === 0) return [];
	const grid: number[] = [];
	for (let i = 0; i < size; i++) {
		const at = size === 1 ? 0.5 * (sorted.length - 1) : (i / (size - 1)) * (sorted.length - 1);
		const lo = Math.floor(at);
		const hi = Math.min(sorted.length - 1, lo + 1);
		const q = sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
		if (grid.length === 0 || q > grid[grid.length - 1]) grid.push(q);
	}
	return grid;
}
