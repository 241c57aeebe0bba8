/**
 * Boosting loop: bin once, then each round compute gradients, grow one tree
 * per output on the (sub)sampled rows, update training and validation
 * margins from the trees' leaves (no raw-value traversal during training).
 */
import type { CurvePoint, Dataset, FitContext } from '../types';
import {
	applyBinning,
	type BinnedMatrix,
	createScratch,
	EnsembleWriter,
	growTree,
	matchColumns,
	prepareTreeFit,
	TrainTree,
	validateDataset
} from '../shared/tree';
import { baseScores, gradients, logloss } from './loss';
import { maybeGbdtParams, type GbdtParams } from './params';
import type { GbdtState } from './state';
import { pastStopAt } from '../shared/stop-at';
import { P } from '../shared/progress-words';

/** Rows used to estimate the training loss on large data. */
const LOSS_SAMPLE = 100_000;

export async function fitGbdt(data: Dataset, params: GbdtParams, ctx: FitContext): Promise<GbdtState> {
	const p = maybeGbdtParams(params);
	const { X, y, classes, weights, tick, rng, K, outputs: T, n, features, binnings, m } = await prepareTreeFit(data, p.maxBins, ctx);
	const base = baseScores(y, weights, K);

	const valid = ctx.validation;
	let vm: BinnedMatrix | null = null;
	let vMargin: Float64Array | null = null;
	if (valid) {
		validateDataset(valid.X, valid.y, classes, valid.weights);
		vm = applyBinning(matchColumns(features, valid.X), binnings);
		vMargin = initMargins(valid.X.rows, base);
	}
	const margin = initMargins(n, base);
	const grad = new Float64Array(n * T);
	const hess = new Float64Array(n * T);
	const scratch = createScratch(m, { channels: 1, lambda: p.lambda, minChildWeight: p.minChildWeight });
	const writer = new EnsembleWriter(binnings, 1);
	const idx = new Int32Array(n);
	const sample = new Int32Array(n);
	const inSample = new Uint8Array(n);
	const allFeatures = Int32Array.from({ length: m.features }, (_, f) => f);
	const curve: CurvePoint[] = [];
	const lossStride = Math.max(1, Math.ceil(n / LOSS_SAMPLE));
	let best = { round: -1, loss: Infinity };

	for (let round = 0; round < p.nEstimators; round++) {
		gradients(margin, y, weights, T, grad, hess);
		const count = sampleRows(n, p.subsample, rng, sample, inSample);
		const treeFeatures = sampleFeatures(allFeatures, p.colsampleByTree, rng);
		for (let k = 0; k < T; k++) {
			await tick();
			idx.set(sample.subarray(0, count));
			const tree = new TrainTree(1);
			const g = grad.subarray(k * n, (k + 1) * n);
			const h = hess.subarray(k * n, (k + 1) * n);
			growTree(
				m,
				idx,
				count,
				g,
				h,
				{
					maxDepth: p.maxDepth,
					maxLeaves: p.maxLeaves,
					minChildWeight: p.minChildWeight,
					lambda: p.lambda,
					gamma: p.gamma,
					channels: 1,
					leafScale: -p.learningRate,
					features: treeFeatures,
					featuresPerSplit: 0,
					rng,
					signal: ctx.signal
				},
				scratch,
				tree
			);
			writer.add(tree);
			// In-sample rows: each leaf owns a range of idx.
			for (let node = 0; node < tree.size; node++) {
				if (tree.leafStart[node] < 0) continue;
				const v = tree.value[node];
				for (let i = tree.leafStart[node]; i < tree.leafEnd[node]; i++) margin[idx[i] * T + k] += v;
			}
			if (count < n) for (let r = 0; r < n; r++) if (!inSample[r]) margin[r * T + k] += tree.value[tree.leafOf(m, r)];
			if (vm && vMargin) for (let r = 0; r < vm.rows; r++) vMargin[r * T + k] += tree.value[tree.leafOf(vm, r)];
		}
		const point: CurvePoint = { step: round + 1, trainLoss: logloss(margin, y, weights, T, lossStride) };
		if (valid && vMargin) point.validLoss = logloss(vMargin, valid.y, valid.weights, T);
		curve.push(point);
		ctx.progress({ fraction: (round + 1) / p.nEstimators, stage: P.round(round + 1, p.nEstimators), curve: point });
		const watched = point.validLoss ?? point.trainLoss;
		if (watched < best.loss - 1e-12) best = { round, loss: watched };
		if (valid && p.earlyStoppingRounds > 0 && round - best.round >= p.earlyStoppingRounds) break;
		// The time budget ran out: keep the rounds grown so far (whole rounds, every class's tree).
		if (pastStopAt(ctx)) break;
	}
	await tick();
	// Keep every tree unless early stopping was on: then the best round's.
	const stopping = valid && p.earlyStoppingRounds > 0;
	const bestIteration = stopping ? best.round : curve.length - 1;
	return {
		kind: 'gbdt',
		version: 1,
		classes: [...classes],
		features,
		curve,
		treesPerRound: T,
		baseScore: base,
		bestIteration,
		trees: writer.finish((bestIteration + 1) * T)
	};
}

function initMargins(rows: number, base: number[]): Float64Array {
	const T = base.length;
	const margin = new Float64Array(rows * T);
	for (let r = 0; r < rows; r++) for (let k = 0; k < T; k++) margin[r * T + k] = base[k];
	return margin;
}

/** Rows of this round in ascending order (keeps histogram reads sequential). */
function sampleRows(n: number, rate: number, rng: () => number, out: Int32Array, inSample: Uint8Array): number {
	if (rate >= 1) {
		if (out[n - 1] !== n - 1) for (let r = 0; r < n; r++) out[r] = r; // filled once per fit
		return n;
	}
	let count = 0;
	for (let r = 0; r < n; r++) {
		const take = rng() < rate;
		inSample[r] = take ? 1 : 0;
		if (take) out[count++] = r;
	}
	return count;
}

function sampleFeatures(all: Int32Array, rate: number, rng: () => number): Int32Array {
	if (rate >= 1) return all;
	const k = Math.max(1, Math.round(all.length * rate));
	const pool = Array.from(all);
	for (let i = 0; i < k; i++) {
		const j = i + Math.floor(rng() * (pool.length - i));
		[pool[i], pool[j]] = [pool[j], pool[i]];
	}
	return Int32Array.from(pool.slice(0, k)).sort();
}
