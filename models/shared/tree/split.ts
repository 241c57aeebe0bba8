/**
 * Best split of one node from its histogram (XGBoost's exact-greedy over
 * bins). Gain = Σ_c GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ); with λ = 0, H = row
 * count and G = −y (one-hot) this is variance reduction = Gini decrease.
 * Missing values (bin 0) are tried on both sides and the better side becomes
 * the node's default direction.
 */
import type { BinnedMatrix } from './binning';

export interface SplitConstraints {
	lambda: number;
	minChildWeight: number;
	channels: number;
}

/** The best split found; `goLeft[bin]` routes every bin (bin 0 = missing/unseen). */
export interface SplitResult {
	gain: number;
	feature: number;
	/** Numeric: bins 1..splitBin go left. -1 for categorical splits. */
	splitBin: number;
	defaultLeft: boolean;
	goLeft: Uint8Array;
	/** Left child's gradient sums per channel and hessian sum. */
	leftG: Float64Array;
	leftH: number;
}

export function emptySplit(channels: number): SplitResult {
	return { gain: 0, feature: -1, splitBin: -1, defaultLeft: false, goLeft: new Uint8Array(256), leftG: new Float64Array(channels), leftH: 0 };
}

/** Σ_c G_c² / (H + λ) */
function score(g: Float64Array, h: number, lambda: number): number {
	let s = 0;
	for (let c = 0; c < g.length; c++) s += g[c] * g[c];
	return s / (h + lambda);
}

/** Scratch arrays reused by every call (no allocation per node). */
export class SplitFinder {
	private gl: Float64Array;
	private gr: Float64Array;
	private gm: Float64Array;
	private order = new Int32Array(256);
	private ratio = new Float64Array(256);
	constructor(private readonly opts: SplitConstraints) {
		this.gl = new Float64Array(opts.channels);
		this.gr = new Float64Array(opts.channels);
		this.gm = new Float64Array(opts.channels);
	}

	/** Updates `best` in place when a split of `features[0..count)` beats its gain. */
	find(best: SplitResult, hist: Float64Array, m: BinnedMatrix, G: Float64Array, H: number, features: Int32Array, count: number): void {
		const parent = score(G, H, this.opts.lambda);
		for (let k = 0; k < count; k++) {
			const f = features[k];
			if (m.isCategorical[f]) this.categorical(best, hist, m, f, G, H, parent);
			else if (G.length === 1) this.numericOne(best, hist, m, f, G[0], H, parent);
			else this.numeric(best, hist, m, f, G, H, parent);
		}
	}

	/** Evaluates left = (gl, hl) against the node total; records it when better. */
	private tryLeft(best: SplitResult, f: number, G: Float64Array, H: number, hl: number, parent: number): number {
		const { lambda, minChildWeight } = this.opts;
		const hr = H - hl;
		if (hl < minChildWeight || hr < minChildWeight) return -Infinity;
		for (let c = 0; c < G.length; c++) this.gr[c] = G[c] - this.gl[c];
		const gain = score(this.gl, hl, lambda) + score(this.gr, hr, lambda) - parent;
		if (!(gain > best.gain)) return -Infinity;
		best.gain = gain;
		best.feature = f;
		best.leftG.set(this.gl);
		best.leftH = hl;
		return gain;
	}

	private numeric(best: SplitResult, hist: Float64Array, m: BinnedMatrix, f: number, G: Float64Array, H: number, parent: number): void {
		const C = G.length;
		const S = C + 1;
		const off = m.binOffset[f] * S;
		const nb = m.binCount[f];
		const gl = this.gl;
		for (let c = 0; c < C; c++) this.gm[c] = hist[off + c];
		const hm = hist[off + C];
		const accG = new Float64Array(C); // cumulative non-missing sums
		let accH = 0;
		for (let b = 1; b < nb - 1; b++) {
			const p = off + b * S;
			for (let c = 0; c < C; c++) accG[c] += hist[p + c];
			accH += hist[p + C];
			if (hist[p + C] === 0 && b > 1) continue; // empty bin: same partition as b-1
			// Missing to the right.
			gl.set(accG);
			if (this.tryLeft(best, f, G, H, accH, parent) > -Infinity) {
				best.splitBin = b;
				// No missing rows here: send unseen missing values to the heavier child.
				best.defaultLeft = hm > 0 ? false : accH >= H - accH;
			}
			if (hm <= 0) continue;
			// Missing to the left.
			for (let c = 0; c < C; c++) gl[c] = accG[c] + this.gm[c];
			if (this.tryLeft(best, f, G, H, accH + hm, parent) > -Infinity) {
				best.splitBin = b;
				best.defaultLeft = true;
			}
		}
		if (best.feature === f && best.splitBin > 0) {
			// Only this feature may have improved; rebuild its routing if it did.
			const goLeft = best.goLeft;
			goLeft.fill(0);
			goLeft[0] = best.defaultLeft ? 1 : 0;
			for (let b = 1; b <= best.splitBin; b++) goLeft[b] = 1;
		}
	}

	/** `numeric` for one channel with scalars only: the split search of every boosted tree. */
	private numericOne(best: SplitResult, hist: Float64Array, m: BinnedMatrix, f: number, G: number, H: number, parent: number): void {
		const { lambda, minChildWeight } = this.opts;
		const off = m.binOffset[f] * 2;
		const nb = m.binCount[f];
		const gm = hist[off];
		const hm = hist[off + 1];
		let gl = 0;
		let hl = 0;
		let bestGain = best.gain;
		let bestBin = -1;
		let bestLeftG = 0;
		let bestLeftH = 0;
		let missLeft = false;
		for (let b = 1; b < nb - 1; b++) {
			const p = off + 2 * b;
			gl += hist[p];
			hl += hist[p + 1];
			if (hist[p + 1] === 0 && b > 1) continue; // empty bin: same partition as b-1
			let hr = H - hl;
			if (hl >= minChildWeight && hr >= minChildWeight) {
				const gr = G - gl;
				const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
				if (gain > bestGain) {
					bestGain = gain;
					bestBin = b;
					bestLeftG = gl;
					bestLeftH = hl;
					missLeft = false;
				}
			}
			if (hm <= 0) continue;
			const gl2 = gl + gm;
			const hl2 = hl + hm;
			hr = H - hl2;
			if (hl2 >= minChildWeight && hr >= minChildWeight) {
				const gr = G - gl2;
				const gain = (gl2 * gl2) / (hl2 + lambda) + (gr * gr) / (hr + lambda) - parent;
				if (gain > bestGain) {
					bestGain = gain;
					bestBin = b;
					bestLeftG = gl2;
					bestLeftH = hl2;
					missLeft = true;
				}
			}
		}
		if (bestBin < 0) return;
		best.gain = bestGain;
		best.feature = f;
		best.splitBin = bestBin;
		best.leftG[0] = bestLeftG;
		best.leftH = bestLeftH;
		// No missing rows here: send unseen missing values to the heavier child.
		best.defaultLeft = hm > 0 ? missLeft : bestLeftH >= H - bestLeftH;
		const goLeft = best.goLeft;
		goLeft.fill(0);
		goLeft[0] = best.defaultLeft ? 1 : 0;
		for (let b = 1; b <= bestBin; b++) goLeft[b] = 1;
	}

	/**
	 * Categories sorted by G/(H+λ) (LightGBM / Fisher: the best two-way
	 * partition is a prefix of that order) for one channel; several channels
	 * (multiclass forests) have no single order, so one-vs-rest is used.
	 */
	private categorical(best: SplitResult, hist: Float64Array, m: BinnedMatrix, f: number, G: Float64Array, H: number, parent: number): void {
		const C = G.length;
		const S = C + 1;
		const off = m.binOffset[f] * S;
		const nb = m.binCount[f];
		const lambda = this.opts.lambda;
		let present = 0;
		for (let b = 1; b < nb; b++) {
			const h = hist[off + b * S + C];
			if (h <= 0) continue;
			this.order[present++] = b;
			this.ratio[b] = hist[off + b * S] / (h + lambda);
		}
		if (present < 2) return;
		const order = this.order;
		if (C === 1) {
			// Insertion sort by ratio (few categories; avoids an allocation per node).
			for (let i = 1; i < present; i++) {
				const b = order[i];
				let j = i - 1;
				while (j >= 0 && (this.ratio[order[j]] > this.ratio[b] || (this.ratio[order[j]] === this.ratio[b] && order[j] > b))) {
					order[j + 1] = order[j];
					j--;
				}
				order[j + 1] = b;
			}
		}
		const hm = hist[off + C];
		const gl = this.gl;
		const accG = new Float64Array(C);
		let accH = 0;
		const last = C === 1 ? present - 1 : present;
		let bestK = -1;
		let bestMissLeft = false;
		for (let k = 0; k < last; k++) {
			const p = off + order[k] * S;
			if (C === 1) {
				accG[0] += hist[p];
				accH += hist[p + 1];
			} else {
				accG.fill(0);
				for (let c = 0; c < C; c++) accG[c] = hist[p + c];
				accH = hist[p + C];
			}
			gl.set(accG);
			if (this.tryLeft(best, f, G, H, accH, parent) > -Infinity) {
				bestK = k;
				bestMissLeft = hm > 0 ? false : accH >= H - accH;
			}
			if (hm <= 0) continue;
			for (let c = 0; c < C; c++) gl[c] = accG[c] + hist[off + c];
			if (this.tryLeft(best, f, G, H, accH + hm, parent) > -Infinity) {
				bestK = k;
				bestMissLeft = true;
			}
		}
		if (bestK < 0) return;
		best.splitBin = -1;
		best.defaultLeft = bestMissLeft;
		// Absent categories (and bin 0) follow the default direction.
		const goLeft = best.goLeft;
		goLeft.fill(bestMissLeft ? 1 : 0);
		for (let k = 0; k < present; k++) goLeft[order[k]] = 0;
		if (C === 1) for (let k = 0; k <= bestK; k++) goLeft[order[k]] = 1;
		else goLeft[order[bestK]] = 1;
	}
}
