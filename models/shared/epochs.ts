/**
 * The epoch loop shared by the neural networks (the tabular MLP and the text
 * networks): one epoch of batches at a time, the validation loss after each,
 * the best weights kept (early stopping after `patience` epochs without a
 * gain), progress per epoch, a cancellation check between epochs and the
 * time budget's deadline (`ctx.stopAt`). What an epoch does is the caller's.
 */
import type { CurvePoint, FitProgress } from '../types';
import { yieldAndCheck } from './cancel';
import { pastStopAt } from './stop-at';

/** A validation loss must drop by more than this to count as a gain. */
const MIN_DELTA = 1e-4;

export interface EpochLoop<W> {
	epochs: number;
	/** Epochs without a validation gain before stopping. */
	patience: number;
	/** Progress label, e.g. "Epoch" or "Fine-tuning epoch". */
	stage: string;
	ctx: { signal: AbortSignal; progress(p: FitProgress): void; stopAt?: number };
	/** The starting weights; with `loss`, they compete with the epochs (fine-tuning keeps a good start). */
	initial: { weights: W; loss?: number };
	/** Runs one epoch of batches (checking cancellation as often as it needs); resolves to its mean training loss. */
	trainEpoch(epoch: number): Promise<number>;
	/** Validation loss of the weights as they are now; absent without validation rows. */
	validLoss?: () => Promise<number>;
	/** A copy of the weights as they are now. */
	snapshot(): W;
}

export interface EpochResult<W> {
	/** The best epoch's weights with validation rows, else the last epoch's. */
	weights: W;
	curve: CurvePoint[];
	/** Epoch whose weights were kept (0: the initial ones). */
	bestEpoch: number;
}

/** Runs epochs until the planned number, early stopping, the deadline or cancellation (which throws). */
export async function runEpochs<W>(loop: EpochLoop<W>): Promise<EpochResult<W>> {
	const { epochs, ctx, validLoss } = loop;
	const curve: CurvePoint[] = [];
	let best = { loss: loop.initial.loss ?? Infinity, epoch: 0, weights: loop.initial.weights };
	for (let epoch = 1; epoch <= epochs; epoch++) {
		const point: CurvePoint = { step: epoch, trainLoss: await loop.trainEpoch(epoch) };
		if (validLoss) {
			point.validLoss = await validLoss();
			if (point.validLoss < best.loss - MIN_DELTA) best = { loss: point.validLoss, epoch, weights: loop.snapshot() };
		}
		curve.push(point);
		ctx.progress({ fraction: epoch / epochs, stage: `${loop.stage} ${epoch}/${epochs}`, curve: point });
		await yieldAndCheck(ctx.signal);
		if (validLoss && epoch - best.epoch >= loop.patience) break;
		// The time budget ran out: end as early stopping would (the best epoch's weights with validation rows).
		if (pastStopAt(ctx)) break;
	}
	if (!validLoss) best = { loss: NaN, epoch: curve.length, weights: loop.snapshot() };
	return { weights: best.weights, curve, bestEpoch: best.epoch };
}
