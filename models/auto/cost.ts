/**
 * What a trial and a final fit cost, learned from the trials already run: the
 * automatic mode measures every fold fit and every prediction, and estimates
 * the next configuration's cost from them scaled by its size (trees × depth,
 * network weights). Measuring, not guessing, is what makes the estimates hold
 * for multiclass targets (one tree per class and round) and slow machines.
 */
import type { TabularKind } from '../catalog';

/** Final fits are estimated with this margin over the fold fits they scale from. */
const FINAL_SAFETY = 1.25;
/** Fixed cost of an evaluation besides predictions (explanations, metrics). */
const EVAL_BASE_MS = 50;

const num = (params: Record<string, unknown>, name: string, fallback: number) => {
	const v = Number(params[name]);
	return Number.isFinite(v) ? v : fallback;
};

/**
 * Size of a configuration in arbitrary units, per kind: fit time grows about linearly with it.
 * Histogram trees cost about rows × features per level, so trees × depth; a network,
 * its weights. Only ratios between configurations of one kind matter.
 */
const SIZE: Record<TabularKind, (params: Record<string, unknown>) => number> = {
	gbdt(params) {
		const depth = Math.min(num(params, 'maxDepth', 6) || 8, 12);
		const rows = 0.3 + 0.7 * num(params, 'subsample', 1);
		const columns = 0.3 + 0.7 * num(params, 'colsampleByTree', 1);
		return num(params, 'nEstimators', 100) * depth * rows * columns;
	},
	forest(params) {
		const depth = Math.min(num(params, 'maxDepth', 12) || 16, 16);
		const perSplit = num(params, 'maxFeatures', 0);
		// √features (0) is about a quarter of a customer table's columns.
		const columns = 0.3 + 0.7 * (perSplit > 0 ? perSplit : 0.25);
		return num(params, 'nEstimators', 300) * depth * columns / Math.sqrt(num(params, 'minSamplesLeaf', 1));
	},
	mlp(params) {
		const hidden = Array.isArray(params.hiddenLayers) ? (params.hiddenLayers as number[]) : [64, 32];
		// Input width is unknown here; 40 encoded columns is typical of a customer table.
		return [40, ...hidden, 1].reduce((s, units, i, all) => (i ? s + all[i - 1] * units : s), 0);
	},
	// One Newton solve whatever the regularisation: every configuration costs the same.
	logistic: () => 1
};

export function configurationSize(kind: TabularKind, params: Record<string, unknown>): number {
	return SIZE[kind](params);
}

interface Measured {
	/** Fold fit ms per configuration-size unit (mean over trials). */
	msPerUnit: number;
	trials: number;
	/** Prediction ms per row (latest). */
	predictMsPerRow: number;
}

/** The measurements of one training job, per model kind. */
export class CostModel {
	private readonly measured = new Map<TabularKind, Measured>();
	/** Estimated final fit + evaluation of each kind's chosen configuration: the time reserved for it. */
	private readonly reserved = new Map<TabularKind, number>();

	/**
	 * @param finalScale rows of the final fit ÷ rows of a fold fit (k ÷ (k − 1) for k folds)
	 * @param evalRows rows predicted when a final model is evaluated (test rows, permutations)
	 */
	constructor(
		private readonly finalScale: number,
		private readonly evalRows: number
	) {}

	/** Records one cross-validated trial: its mean fold fit and prediction times. */
	record(kind: TabularKind, params: Record<string, unknown>, foldFitMs: number, predictMsPerRow: number): void {
		const perUnit = foldFitMs / configurationSize(kind, params);
		const m = this.measured.get(kind);
		const trials = (m?.trials ?? 0) + 1;
		this.measured.set(kind, { msPerUnit: m ? (m.msPerUnit * m.trials + perUnit) / trials : perUnit, trials, predictMsPerRow });
	}

	/** Estimated ms of one fold fit of `params`; undefined before the kind's first trial. */
	foldEstimate(kind: TabularKind, params: Record<string, unknown>): number | undefined {
		const m = this.measured.get(kind);
		return m && m.msPerUnit * configurationSize(kind, params);
	}

	/** A final fit costs about this many fold fits (more rows, with a margin). */
	get finalFoldRatio(): number {
		return this.finalScale * FINAL_SAFETY;
	}

	/** Estimated ms of a final fit on every training row, scaled from its fold fits, with its evaluation. */
	finalEstimate(foldFitMs: number, predictMsPerRow: number): number {
		return foldFitMs * this.finalFoldRatio + this.evalEstimate(predictMsPerRow);
	}

	/** Estimated ms of a final model's evaluation: test predictions, explanations, permutation importance. */
	evalEstimate(predictMsPerRow: number): number {
		return predictMsPerRow * this.evalRows * FINAL_SAFETY + EVAL_BASE_MS;
	}

	/** Reserves `ms` for the kind's final fit (replacing what was reserved for it). */
	reserve(kind: TabularKind, ms: number): void {
		this.reserved.set(kind, ms);
	}

	/** Time reserved for the final fits of `kinds` (all reserved kinds by default). */
	reservedFor(kinds: Iterable<TabularKind> = this.reserved.keys()): number {
		let sum = 0;
		for (const k of kinds) sum += this.reserved.get(k) ?? 0;
		return sum;
	}

	predictMsPerRow(kind: TabularKind): number {
		return this.measured.get(kind)?.predictMsPerRow ?? 0;
	}
}
