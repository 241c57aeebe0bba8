/**
 * Quantile binning: every feature becomes at most `maxBins` ordered bins plus
 * bin 0 for missing values, so the tree builder works on one Uint8Array.
 *
 * Two layouts of the same bins: column-major bytes (`columns`) for
 * partitioning and routing rows, and row-major histogram slots (`slots`,
 * feature offset + bin) for histogram building, which visits a node's rows
 * in order and touches every feature of a row: in V8 that measured ~2x
 * faster than a column-major histogram pass (one gradient load per row, the
 * row's slots share cache lines, no offset add in the hot loop).
 */
import type { Features } from '../../types';
import { sortNumbers } from './sort-numbers';

/** How one feature maps to bins; kept only during fitting. */
export interface FeatureBinning {
	kind: 'numeric' | 'categorical';
	/** Numeric: sorted raw cut points; value v is in bin 1 + #{cuts <= v}, so "bin <= b" is "v < cuts[b - 1]". */
	cuts: Float64Array;
	/** Categorical: training code → bin (0 = folded into "missing" when there are more than maxBins levels). */
	codeToBin: Int32Array;
	/** Number of bins including the missing bin 0. */
	binCount: number;
}

/** The binned design matrix handed to the tree builder. */
export interface BinnedMatrix {
	rows: number;
	features: number;
	/** Column-major bins (`columns[f * rows + r]`), 0 = missing. */
	columns: Uint8Array;
	/**
	 * Row-major histogram slots `binOffset[f] + bin` (`slots[r * features + f]`),
	 * for the JavaScript histogram loop; empty where a fit does without them
	 * (boosting's WebAssembly kernel keeps its own row-major bytes): `withSlots` adds them.
	 */
	slots: Uint16Array | Uint32Array;
	binCount: Int32Array;
	/** Start of each feature's bins inside a histogram. */
	binOffset: Int32Array;
	totalBins: number;
	isCategorical: Uint8Array;
}

/** Values sorted to find quantiles; larger columns are sampled by stride (deterministic, no seed needed). */
const QUANTILE_SAMPLE = 65_536;

export function fitBinning(X: Features, maxBins: number): FeatureBinning[] {
	if (!(maxBins >= 2 && maxBins <= 255)) throw new Error(`invalid maxBins: ${maxBins}`);
	return X.columns.map((column) => {
		if (column.kind === 'categorical') return categoricalBinning(column.codes, column.levels.length, maxBins);
		return numericBinning(column.values, maxBins);
	});
}

function numericBinning(values: Float64Array, maxBins: number): FeatureBinning {
	let present = 0;
	for (let i = 0; i < values.length; i++) if (values[i] === values[i]) present++;
	const stride = Math.max(1, Math.ceil(present / QUANTILE_SAMPLE));
	const sample = new Float64Array(Math.ceil(present / stride));
	let seen = 0;
	let m = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v !== v) continue;
		if (seen++ % stride === 0) sample[m++] = v;
	}
	const sorted = sortNumbers(sample.subarray(0, m));
	let distinct = m > 0 ? 1 : 0;
	for (let i = 1; i < m; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
	const cuts: number[] = [];
	if (distinct <= maxBins) {
		// Few distinct values: one bin each, cut at the next distinct value (exact).
		for (let i = 1; i < m; i++) if (sorted[i] !== sorted[i - 1]) cuts.push(sorted[i]);
	} else {
		for (let j = 1; j < maxBins; j++) {
			const v = sorted[Math.floor((j * m) / maxBins)];
			if (v > sorted[0] && (cuts.length === 0 || v > cuts[cuts.length - 1])) cuts.push(v);
		}
	}
	return { kind: 'numeric', cuts: Float64Array.from(cuts), codeToBin: new Int32Array(0), binCount: cuts.length + 2 };
}

function categoricalBinning(codes: Int32Array, levels: number, maxBins: number): FeatureBinning {
	const codeToBin = new Int32Array(levels);
	if (levels <= maxBins) {
		for (let c = 0; c < levels; c++) codeToBin[c] = c + 1;
		return { kind: 'categorical', cuts: new Float64Array(0), codeToBin, binCount: levels + 1 };
	}
	// Too many levels for a byte: keep the most frequent, the rest behave like missing.
	const counts = new Float64Array(levels);
	for (let i = 0; i < codes.length; i++) if (codes[i] >= 0 && codes[i] < levels) counts[codes[i]]++;
	const order = Array.from({ length: levels }, (_, c) => c).sort((a, b) => counts[b] - counts[a] || a - b);
	const kept = order.slice(0, maxBins).sort((a, b) => a - b);
	kept.forEach((code, i) => (codeToBin[code] = i + 1));
	return { kind: 'categorical', cuts: new Float64Array(0), codeToBin, binCount: kept.length + 1 };
}

/** Bins `X` (training or validation rows) with a fitted binning; `slots: false` leaves the histogram slots out. */
export function applyBinning(X: Features, binnings: FeatureBinning[], { slots = true } = {}): BinnedMatrix {
	const F = binnings.length;
	const n = X.rows;
	const columns = new Uint8Array(n * F);
	const binCount = new Int32Array(F);
	const binOffset = new Int32Array(F);
	const isCategorical = new Uint8Array(F);
	let total = 0;
	for (let f = 0; f < F; f++) {
		const binning = binnings[f];
		const column = X.columns[f];
		const out = columns.subarray(f * n, (f + 1) * n);
		binCount[f] = binning.binCount;
		binOffset[f] = total;
		total += binning.binCount;
		if (column.kind === 'categorical') {
			isCategorical[f] = 1;
			const { codes } = column;
			const map = binning.codeToBin;
			for (let r = 0; r < n; r++) {
				const c = codes[r];
				out[r] = c >= 0 && c < map.length ? map[c] : 0;
			}
		} else binNumeric(column.values, binning.cuts, out);
	}
	const m = { rows: n, features: F, columns, slots: new Uint16Array(0), binCount, binOffset, totalBins: total, isCategorical };
	return slots ? withSlots(m) : m;
}

/** `m` with its histogram slots (itself when it has them). */
export function withSlots(m: BinnedMatrix): BinnedMatrix {
	const { rows: n, features: F, columns, binOffset } = m;
	if (m.slots.length === n * F) return m;
	const slots = m.totalBins <= 0xffff ? new Uint16Array(n * F) : new Uint32Array(n * F);
	for (let f = 0; f < F; f++) {
		const off = binOffset[f];
		for (let r = 0, k = f, c = f * n; r < n; r++, k += F, c++) slots[k] = off + columns[c];
	}
	return { ...m, slots };
}

/** Cells of the value grid that brackets each value's bin before the search (binNumeric). */
const GRID = 4096;

/**
 * out[r] = 1 + #{cuts <= v} (0 for NaN). A uniform grid over the cuts' range
 * gives each value a narrow window of candidate cuts (a handful, since the
 * cuts are quantiles), searched by bisection: about 6x faster than bisecting
 * all 255 cuts, whose unpredictable branches dominated the time.
 */
function binNumeric(values: Float64Array, cuts: Float64Array, out: Uint8Array): void {
	const m = cuts.length;
	if (m === 0) {
		for (let r = 0; r < values.length; r++) out[r] = values[r] === values[r] ? 1 : 0;
		return;
	}
	const lo = cuts[0];
	// Infinite cuts (a column holding ±Infinity) leave no grid: every value bisects all cuts.
	const gridded = Number.isFinite(cuts[m - 1] - lo);
	const step = gridded ? (cuts[m - 1] - lo) / GRID || 1 : 1;
	// below[k] = #{cuts <= lo + k·step}: the bin count at each grid line.
	const below = new Int32Array(GRID + 3);
	for (let k = 0, c = 0; k < below.length; k++) {
		const x = lo + k * step;
		while (c < m && cuts[c] <= x) c++;
		below[k] = c;
	}
	const inv = 1 / step;
	for (let r = 0; r < values.length; r++) {
		const v = values[r];
		if (v !== v) {
			out[r] = 0; // NaN → bin 0
			continue;
		}
		if (v < lo) {
			out[r] = 1;
			continue;
		}
		if (!gridded) {
			out[r] = 1 + countAtMost(cuts, v, 0, m);
			continue;
		}
		// v lies between grid lines k and k + 1; rounding may put it one line off either way, so the
		// window runs from line k − 1 to line k + 2 (past the last cut every line counts all m cuts).
		const k = Math.min(GRID, Math.floor((v - lo) * inv));
		out[r] = 1 + countAtMost(cuts, v, k > 0 ? below[k - 1] : 0, below[k + 2]);
	}
}

/** #{cuts <= v}, knowing it lies in [a, b]: bisection. */
function countAtMost(cuts: Float64Array, v: number, a: number, b: number): number {
	while (a < b) {
		const mid = (a + b) >> 1;
		if (cuts[mid] <= v) a = mid + 1;
		else b = mid;
	}
	return a;
}
