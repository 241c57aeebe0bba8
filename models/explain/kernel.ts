/**
 * Kernel SHAP (Lundberg & Lee 2017) for models without a structure to
 * exploit (the neural network): a weighted least-squares fit of the model's
 * log-odds over feature coalitions, where a column outside the coalition
 * takes background customers' values (interventional, feature independence).
 * Features are the user's columns: a categorical column is swapped as a whole.
 * Coalitions are enumerated when 2^M − 2 fits the sample budget (then the
 * values are the exact Shapley values of that value function), otherwise
 * drawn from the Shapley kernel in complementary pairs. The efficiency
 * constraint Σφ = f(x) − E f is enforced exactly by eliminating one unknown.
 */
import type { Features, Prediction } from '../types';
import { createRng } from '../shared/random';
import { cancelledError, createYielder } from '../shared/tree';
import type { ShapOptions, ShapResult } from './types';

export type PredictFn = (X: Features) => Promise<Prediction>;

const DEFAULT_BACKGROUND = 50;
const DEFAULT_SAMPLES = 512;
/** Probabilities are clipped as the blend clips them (models/auto/ensemble.ts), so saturated outputs stay finite and blends stay consistent. */
const CLIP = 1e-12;

/** log(p / (1 − p)) of class `k` for every row, each side clipped at 1e-12. */
export function logOdds(p: Prediction, k: number): Float64Array {
	const K = p.classes.length;
	const rows = p.probabilities.length / K;
	return Float64Array.from({ length: rows }, (_, r) => {
		const q = p.probabilities[r * K + k];
		// Binary: the other class's stored probability, exactly as the blend's mean of log-probabilities uses it.
		const rest = K === 2 ? p.probabilities[r * K + 1 - k] : 1 - q;
		return Math.log(Math.max(CLIP, q)) - Math.log(Math.max(CLIP, rest));
	});
}

/** `X`'s rows `rows`, categorical codes re-expressed in `levelsLike`'s levels (new levels appended). */
function pick(X: Features, rows: number[], levelsLike: Features): Features {
	return {
		rows: rows.length,
		columns: X.columns.map((c) => {
			if (c.kind === 'numeric') return { ...c, values: Float64Array.from(rows, (r) => c.values[r]) };
			const target = levelsLike.columns.find((t) => t.name === c.name);
			const levels = target?.kind === 'categorical' ? [...target.levels] : [...c.levels];
			const remap = c.levels.map((level) => {
				const at = levels.indexOf(level);
				return at >= 0 ? at : levels.push(level) - 1;
			});
			return { name: c.name, kind: 'categorical' as const, levels, codes: Int32Array.from(rows, (r) => (c.codes[r] >= 0 ? remap[c.codes[r]] : -1)) };
		})
	};
}

/** Coalitions (M bits each, row-major Uint8) and their regression weights. */
function coalitions(M: number, samples: number, rng: () => number): { z: Uint8Array; w: Float64Array; n: number } {
	if (M <= 30 && 2 ** M - 2 <= samples) {
		const n = 2 ** M - 2;
		const z = new Uint8Array(n * M);
		const w = new Float64Array(n);
		const binom = (k: number) => {
			let c = 1;
			for (let i = 1; i <= k; i++) c = (c * (M - k + i)) / i;
			return c;
		};
		for (let s = 1; s <= n; s++) {
			let size = 0;
			for (let j = 0; j < M; j++) if ((s >> j) & 1) (z[(s - 1) * M + j] = 1), size++;
			w[s - 1] = (M - 1) / (binom(size) * size * (M - size));
		}
		return { z, w, n };
	}
	// Kernel-distributed sizes: P(s) ∝ (M − 1) / (s (M − s)); each draw then counts once.
	const sizeWeight = Float64Array.from({ length: M - 1 }, (_, i) => (M - 1) / ((i + 1) * (M - i - 1)));
	const total = sizeWeight.reduce((a, b) => a + b, 0);
	const pairs = Math.max(1, Math.floor(samples / 2));
	const z = new Uint8Array(pairs * 2 * M);
	const order = Int32Array.from({ length: M }, (_, i) => i);
	for (let p = 0; p < pairs; p++) {
		let u = rng() * total;
		let size = 1;
		while (size < M - 1 && (u -= sizeWeight[size - 1]) > 0) size++;
		for (let i = 0; i < size; i++) {
			const j = i + Math.floor(rng() * (M - i));
			[order[i], order[j]] = [order[j], order[i]];
		}
		// The pair: the coalition and its complement (antithetic: halves the variance of the symmetric part).
		for (let j = 0; j < M; j++) z[2 * p * M + j] = 1;
		for (let i = 0; i < size; i++) z[2 * p * M + order[i]] = 0, z[(2 * p + 1) * M + order[i]] = 1;
	}
	return { z, w: new Float64Array(pairs * 2).fill(1), n: pairs * 2 };
}

/** Solves the symmetric system A x = b (n×n) by Gaussian elimination with partial pivoting. */
function solve(A: Float64Array, b: Float64Array, n: number): Float64Array {
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(A[r * n + c]) > Math.abs(A[p * n + c])) p = r;
		if (p !== c) {
			for (let k = 0; k < n; k++) [A[c * n + k], A[p * n + k]] = [A[p * n + k], A[c * n + k]];
			[b[c], b[p]] = [b[p], b[c]];
		}
		const pivot = A[c * n + c] || 1e-12;
		for (let r = c + 1; r < n; r++) {
			const f = A[r * n + c] / pivot;
			if (f === 0) continue;
			for (let k = c; k < n; k++) A[r * n + k] -= f * A[c * n + k];
			b[r] -= f * b[c];
		}
	}
	const x = new Float64Array(n);
	for (let r = n - 1; r >= 0; r--) {
		let s = b[r];
		for (let k = r + 1; k < n; k++) s -= A[r * n + k] * x[k];
		x[r] = s / (A[r * n + r] || 1e-12);
	}
	return x;
}

/** Kernel SHAP of `predict`'s log-odds for class `classIndex`, for every row of `X`. */
export async function explainKernel(predict: PredictFn, names: string[], X: Features, options: ShapOptions & { classIndex: number }): Promise<ShapResult> {
	const k = options.classIndex;
	const rng = createRng(options.seed ?? 1);
	const source = options.background ?? X;
	const size = Math.min(source.rows, Math.max(1, options.backgroundSize ?? DEFAULT_BACKGROUND));
	const bgRows = Array.from({ length: source.rows }, (_, i) => i);
	for (let i = 0; i < size; i++) {
		const j = i + Math.floor(rng() * (source.rows - i));
		[bgRows[i], bgRows[j]] = [bgRows[j], bgRows[i]];
	}
	const columnsOf = (F: Features) => names.map((n) => F.columns.find((c) => c.name === n) ?? fail(n));
	const x = { rows: X.rows, columns: columnsOf(X) };
	const bg = pick({ rows: source.rows, columns: columnsOf(source) }, bgRows.slice(0, size), x);
	const M = names.length;
	const B = bg.rows;
	const fBackground = logOdds(await predict(bg), k);
	const base = fBackground.reduce((a, b) => a + b, 0) / B;
	const outputs = logOdds(await predict(x), k);
	const { z, w, n } = coalitions(M, Math.max(2, options.samples ?? DEFAULT_SAMPLES), rng);
	const values = new Float64Array(X.rows * M);
	const pause = createYielder(options.signal);
	for (let r = 0; r < X.rows; r++) {
		await pause();
		if (options.signal?.aborted) throw cancelledError();
		const row = pick(x, [r], x);
		// One batch per customer: n coalitions × B background rows.
		const batch: Features = {
			rows: n * B,
			columns: bg.columns.map((c, j) => {
				const own = row.columns[j];
				if (c.kind === 'numeric' && own.kind === 'numeric') {
					const values = new Float64Array(n * B);
					for (let s = 0, at = 0; s < n; s++) for (let b = 0; b < B; b++, at++) values[at] = z[s * M + j] ? own.values[0] : c.values[b];
					return { ...c, values };
				}
				const codes = new Int32Array(n * B);
				const ownCode = own.kind === 'categorical' ? own.codes[0] : -1;
				const bgCodes = c.kind === 'categorical' ? c.codes : new Int32Array(B);
				for (let s = 0, at = 0; s < n; s++) for (let b = 0; b < B; b++, at++) codes[at] = z[s * M + j] ? ownCode : bgCodes[b];
				return { ...c, codes } as typeof c;
			})
		};
		const f = logOdds(await predict(batch), k);
		const fx = outputs[r];
		const total = fx - base;
		// Eliminate φ_M with Σφ = total: regress y = v(z) − E − z_M·total on (z_j − z_M), j < M.
		const m = M - 1;
		const A = new Float64Array(m * m);
		const rhs = new Float64Array(m);
		const d = new Float64Array(m);
		for (let s = 0; s < n; s++) {
			let v = 0;
			for (let b = 0; b < B; b++) v += f[s * B + b];
			const zM = z[s * M + m];
			const y = v / B - base - zM * total;
			for (let j = 0; j < m; j++) d[j] = z[s * M + j] - zM;
			for (let i = 0; i < m; i++) {
				if (d[i] === 0) continue;
				rhs[i] += w[s] * d[i] * y;
				for (let j = 0; j < m; j++) A[i * m + j] += w[s] * d[i] * d[j];
			}
		}
		// A tiny ridge keeps columns that no coalition separated solvable.
		for (let i = 0; i < m; i++) A[i * m + i] += 1e-9;
		const phi = m > 0 ? solve(A, rhs, m) : new Float64Array(0);
		let rest = total;
		for (let j = 0; j < m; j++) (values[r * M + j] = phi[j]), (rest -= phi[j]);
		values[r * M + m] = rest;
		options.progress?.((r + 1) / X.rows);
	}
	return { features: [...names], values, base, outputs, space: 'log-odds', classIndex: k, method: 'kernel', tolerance: 1e-6, rows: X.rows };
}

function fail(name: string): never {
	throw new Error(`invalid features: missing column ${name}`);
}
