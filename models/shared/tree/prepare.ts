/**
 * The start every tree ensemble's fit shares: check the data, bin it once,
 * and set up seeded randomness and cooperative yielding (so a cancel arrives).
 */
import type { Dataset, FitContext } from '../../types';
import { createRng } from '../random';
import { applyBinning, fitBinning } from './binning';
import { describeFeatures, validateDataset } from './align';
import { createYielder } from '../cancel';

/** `slots: false`: the binned rows without histogram slots (a fit that builds its histograms in WebAssembly). */
export async function prepareTreeFit(data: Dataset, maxBins: number, ctx: FitContext, { slots = true } = {}) {
	const { X, y, classes, weights } = data;
	validateDataset(X, y, classes, weights);
	const tick = createYielder(ctx.signal);
	await tick();
	const binnings = fitBinning(X, maxBins);
	return {
		X,
		y,
		classes,
		weights,
		tick,
		rng: createRng(ctx.seed),
		/** Number of classes. */
		K: classes.length,
		/** Outputs per tree (or trees per round): one for binary targets, one per class otherwise. */
		outputs: classes.length === 2 ? 1 : classes.length,
		n: X.rows,
		features: describeFeatures(X),
		binnings,
		m: applyBinning(X, binnings, { slots })
	};
}
