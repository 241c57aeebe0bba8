/**
 * LIME as a second opinion for one customer: a sparse local linear surrogate
 * fitted on perturbed copies of the customer (seeded), with its fit quality.
 * Interpretable features are binary: z_j = 1 when column j keeps the
 * customer's value, 0 when it took a random background row's different value.
 */
import { createRng, randomInt } from '../shared/random';
import type { Features } from '../types';
import { predictRows, repeatRow, throwIfAborted } from './perturb';
import type { Predictor } from './types';

export interface LimeResult {
	/** Sorted by |weight| desc, at most maxFeatures; probability points for "has the customer's value" (×100). */
	weights: { feature: string; weight: number }[];
	/** Surrogate with every column changed, as a probability (0..1): localPrediction = intercept + Σ weight / 100. */
	intercept: number;
	/** Weighted R² of the surrogate on the samples. */
	r2: number;
	/** Model probability of the customer. */
	prediction: number;
	/** Surrogate at the customer (every z = 1), as a probability. */
	localPrediction: number;
	samples: number;
}

export interface LimeOptions {
	seed: number;
	/** Perturbed samples, the customer included (default 1000). */
	samples?: number;
	/** Columns kept in the surrogate (default 5). */
	maxFeatures?: number;
	/** Width of the exponential kernel on the binary distance (default 0.75 · √columns). */
	kernelWidth?: number;
	signal?: AbortSignal;
}

/** Ridge penalty relative to the total sample weight: only keeps the solve stable. */
const RIDGE = 1e-4;

/**
 * Explains the model's probability for `customer` (1 row) with a weighted
 * ridge surrogate on `maxFeatures` columns chosen by forward selection.
 * @example const lime = await limeExplain(predict, withValues(X, 0, {}), background, { seed: 1 });
 */
export async function limeExplain(predict: Predictor, customer: Features, background: Features, options: LimeOptions): Promise<LimeResult> {
	if (customer.rows !== 1) throw new Error(`invalid customer rows: ${customer.rows}`);
	if (background.rows < 1) throw new Error(`invalid background rows: ${background.rows}`);
	const F = customer.columns.length;
	const N = Math.max(2, Math.floor(options.samples ?? 1000));
	const maxFeatures = Math.max(0, Math.min(F, Math.floor(options.maxFeatures ?? 5)));
	const width = options.kernelWidth ?? 0.75 * Math.sqrt(F);
	if (!(width > 0)) throw new Error(`invalid kernelWidth: ${width}`);
	throwIfAborted(options.signal);

	const rng = createRng(options.seed);
	const sample = repeatRow(customer, 0, N);
	const z = new Float64Array(N * F).fill(1);
	const donors = customer.columns.map((c) => donorOf(c.name, c.kind === 'categorical' ? c.levels : null, background));
	const order = Array.from({ length: F }, (_, j) => j);
	// Row 0 stays the customer; each other row swaps a uniform number (1..F) of random columns to one background row's values.
	for (let i = 1; i < N; i++) {
		const donor = randomInt(rng, background.rows);
		const k = 1 + randomInt(rng, F);
		for (let a = 0; a < k; a++) {
			const b = a + randomInt(rng, F - a);
			[order[a], order[b]] = [order[b], order[a]];
			const j = order[a];
			const column = sample.columns[j];
			const value = donors[j](donor);
			const same = column.kind === 'numeric' ? Object.is(value, column.values[0]) || value === column.values[0] : value === column.codes[0];
			if (column.kind === 'numeric') column.values[i] = value;
			else column.codes[i] = value;
			if (!same) z[i * F + j] = 0;
		}
	}
	const y = await predictRows(predict, sample);
	throwIfAborted(options.signal);

	const w = new Float64Array(N);
	for (let i = 0; i < N; i++) {
		let changed = 0;
		for (let j = 0; j < F; j++) changed += 1 - z[i * F + j];
		w[i] = Math.sqrt(Math.exp(-changed / (width * width)));
	}
	const stats = weightedMoments(z, y, w, N, F);
	const chosen: number[] = [];
	let best = fitSubset(stats, chosen);
	for (let step = 0; step < maxFeatures; step++) {
		let next: ReturnType<typeof fitSubset> | null = null;
		let pick = -1;
		for (let j = 0; j < F; j++) {
			if (chosen.includes(j) || stats.gram[j * F + j] <= 1e-12 * stats.total) continue;
			const fit = fitSubset(stats, [...chosen, j]);
			if (!next || fit.r2 > next.r2 + 1e-12) [next, pick] = [fit, j];
		}
		if (!next) break;
		chosen.push(pick);
		best = next;
	}
	const weights = chosen.map((j, a) => ({ feature: customer.columns[j].name, weight: best.beta[a] * 100 }));
	weights.sort((p, q) => Math.abs(q.weight) - Math.abs(p.weight) || p.feature.localeCompare(q.feature));
	let intercept = stats.meanY;
	let localPrediction = stats.meanY;
	chosen.forEach((j, a) => {
		intercept -= best.beta[a] * stats.meanZ[j];
		localPrediction += best.beta[a] * (1 - stats.meanZ[j]);
	});
	return { weights, intercept, r2: best.r2, prediction: y[0], localPrediction, samples: N };
}

/** Reads background row values of column `name` in the customer's encoding (levels matched by name). */
function donorOf(name: string, levels: string[] | null, background: Features): (row: number) => number {
	const column = background.columns.find((c) => c.name === name);
	if (!column || (column.kind === 'categorical') !== (levels !== null)) throw new Error(`invalid background: column ${name}`);
	if (column.kind === 'numeric') return (r) => column.values[r];
	const map = column.levels.map((level) => levels!.indexOf(level));
	return (r) => (column.codes[r] >= 0 && column.codes[r] < map.length ? map[column.codes[r]] : -1);
}

interface Moments {
	F: number;
	total: number;
	meanY: number;
	meanZ: Float64Array;
	/** Weighted centred Z'WZ (F×F), Z'Wy (F) and y'Wy. */
	gram: Float64Array;
	cross: Float64Array;
	yy: number;
}

function weightedMoments(z: Float64Array, y: Float64Array, w: Float64Array, N: number, F: number): Moments {
	let total = 0;
	let meanY = 0;
	const meanZ = new Float64Array(F);
	for (let i = 0; i < N; i++) {
		total += w[i];
		meanY += w[i] * y[i];
		for (let j = 0; j < F; j++) meanZ[j] += w[i] * z[i * F + j];
	}
	meanY /= total;
	for (let j = 0; j < F; j++) meanZ[j] /= total;
	const gram = new Float64Array(F * F);
	const cross = new Float64Array(F);
	let yy = 0;
	const zc = new Float64Array(F);
	for (let i = 0; i < N; i++) {
		const yc = y[i] - meanY;
		yy += w[i] * yc * yc;
		for (let j = 0; j < F; j++) zc[j] = z[i * F + j] - meanZ[j];
		for (let j = 0; j < F; j++) {
			cross[j] += w[i] * zc[j] * yc;
			for (let k = j; k < F; k++) gram[j * F + k] += w[i] * zc[j] * zc[k];
		}
	}
	for (let j = 0; j < F; j++) for (let k = 0; k < j; k++) gram[j * F + k] = gram[k * F + j];
	return { F, total, meanY, meanZ, gram, cross, yy };
}

/** Ridge coefficients on the columns `subset` and their weighted R² (from the moments, no pass over samples). */
function fitSubset(m: Moments, subset: number[]): { beta: Float64Array; r2: number } {
	const k = subset.length;
	const A = new Float64Array(k * k);
	const b = new Float64Array(k);
	for (let a = 0; a < k; a++) {
		b[a] = m.cross[subset[a]];
		for (let c = 0; c < k; c++) A[a * k + c] = m.gram[subset[a] * m.F + subset[c]];
		A[a * k + a] += RIDGE * m.total;
	}
	const beta = solve(A, b, k);
	// SSE = y'Wy − 2β'b + β'Aβ on the unpenalised Gram matrix.
	let sse = m.yy;
	for (let a = 0; a < k; a++) {
		sse -= 2 * beta[a] * b[a];
		for (let c = 0; c < k; c++) sse += beta[a] * beta[c] * m.gram[subset[a] * m.F + subset[c]];
	}
	const r2 = m.yy > 1e-15 ? 1 - Math.max(0, sse) / m.yy : 1;
	return { beta, r2 };
}

/** Solves the symmetric positive definite system A x = b (Gaussian elimination with partial pivoting). */
function solve(A: Float64Array, b: Float64Array, k: number): Float64Array {
	const M = Float64Array.from(A);
	const x = Float64Array.from(b);
	for (let c = 0; c < k; c++) {
		let p = c;
		for (let r = c + 1; r < k; r++) if (Math.abs(M[r * k + c]) > Math.abs(M[p * k + c])) p = r;
		if (p !== c) {
			for (let q = 0; q < k; q++) [M[c * k + q], M[p * k + q]] = [M[p * k + q], M[c * k + q]];
			[x[c], x[p]] = [x[p], x[c]];
		}
		const d = M[c * k + c] || 1e-300;
		for (let r = c + 1; r < k; r++) {
			const f = M[r * k + c] / d;
			if (f === 0) continue;
			for (let q = c; q < k; q++) M[r * k + q] -= f * M[c * k + q];
			x[r] -= f * x[c];
		}
	}
	for (let c = k - 1; c >= 0; c--) {
		let s = x[c];
		for (let q = c + 1; q < k; q++) s -= M[c * k + q] * x[q];
		x[c] = s / (M[c * k + c] || 1e-300);
	}
	return x;
}
