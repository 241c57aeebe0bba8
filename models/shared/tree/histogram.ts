/**
 * Gradient histograms: for each feature bin, the sums of the gradient
 * channels and the hessian of the node's rows. Layout: bin-major with stride
 * `channels + 1` (`[G_0 … G_{C-1}, H]` per bin), features at `binOffset`.
 * Larger children are never built: they are `parent − smaller` (subtract).
 */
import type { BinnedMatrix } from './binning';

/** Reuses histogram buffers across nodes and trees (they are ~100 kB each). */
export class HistogramPool {
	private free: Float64Array[] = [];
	constructor(readonly size: number) {}
	/** A histogram buffer, zeroed unless `zeroed` is false (its next user overwrites every value). */
	take(zeroed = true): Float64Array {
		const hist = this.free.pop();
		if (!hist) return new Float64Array(this.size);
		if (zeroed) hist.fill(0);
		return hist;
	}
	give(hist: Float64Array | null): void {
		if (hist) this.free.push(hist);
	}
}

/**
 * Adds rows `idx[start..end)` into `hist`. `grad` is row-major `rows × channels`.
 * The one-channel case (every boosted tree, binary forests) is the hot loop
 * of the whole learner and is unrolled by hand.
 */
export function buildHistogram(
	hist: Float64Array,
	m: BinnedMatrix,
	idx: Int32Array,
	start: number,
	end: number,
	grad: Float64Array,
	hess: Float64Array,
	channels: number
): void {
	const F = m.features;
	const slots = m.slots;
	if (channels === 1) {
		// Four features per step: four independent read-modify-write chains keep the core busy (~12 % faster than two).
		const F4 = F & ~3;
		for (let i = start; i < end; i++) {
			const r = idx[i];
			const g = grad[r];
			const h = hess[r];
			const base = r * F;
			let f = 0;
			for (; f < F4; f += 4) {
				const a = slots[base + f] << 1;
				const b = slots[base + f + 1] << 1;
				const c = slots[base + f + 2] << 1;
				const d = slots[base + f + 3] << 1;
				hist[a] += g;
				hist[a + 1] += h;
				hist[b] += g;
				hist[b + 1] += h;
				hist[c] += g;
				hist[c + 1] += h;
				hist[d] += g;
				hist[d + 1] += h;
			}
			for (; f < F; f++) {
				const a = slots[base + f] << 1;
				hist[a] += g;
				hist[a + 1] += h;
			}
		}
		return;
	}
	const S = channels + 1;
	for (let i = start; i < end; i++) {
		const r = idx[i];
		const h = hess[r];
		const gBase = r * channels;
		const base = r * F;
		for (let f = 0; f < F; f++) {
			const a = slots[base + f] * S;
			for (let c = 0; c < channels; c++) hist[a + c] += grad[gBase + c];
			hist[a + channels] += h;
		}
	}
}

/** `parent -= child`, turning the parent's histogram into the sibling's. */
export function subtractHistogram(parent: Float64Array, child: Float64Array): void {
	for (let i = 0; i < parent.length; i++) parent[i] -= child[i];
}
