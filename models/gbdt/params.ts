/** Hyperparameters of the gradient-boosted trees, named after XGBoost's. */

/**
 * Gradient-boosted trees (XGBoost `hist`-like). Defaults match XGBoost's.
 * @example { ...gbdtModel.defaults, nEstimators: 200, maxDepth: 3, learningRate: 0.05 }
 */
export interface GbdtParams {
	/** Boosting rounds (one tree per round, or one per class for multiclass). */
	nEstimators: number;
	/** Shrinkage applied to every leaf (`eta`). */
	learningRate: number;
	/** Maximum tree depth; 0 = unlimited (only sensible with maxLeaves). */
	maxDepth: number;
	/** 0 = depth-wise growth; > 0 = leaf-wise (LightGBM style) with at most this many leaves. */
	maxLeaves: number;
	/** Minimum hessian sum in each child. */
	minChildWeight: number;
	/** L2 regularisation on leaf values. */
	lambda: number;
	/** Minimum loss reduction to make a split (`min_split_loss`). */
	gamma: number;
	/** Fraction of rows sampled (without replacement) per round. */
	subsample: number;
	/** Fraction of columns sampled per tree. */
	colsampleByTree: number;
	/** Bins per feature (missing values get a bin of their own), 2..255. */
	maxBins: number;
	/** Stop when the validation logloss has not improved for this many rounds (needs ctx.validation); 0 = off. */
	earlyStoppingRounds: number;
}

export const GBDT_DEFAULTS: GbdtParams = {
	nEstimators: 100,
	learningRate: 0.3,
	maxDepth: 6,
	maxLeaves: 0,
	minChildWeight: 1,
	lambda: 1,
	gamma: 0,
	subsample: 1,
	colsampleByTree: 1,
	maxBins: 255,
	earlyStoppingRounds: 0
};

/** `params` completed with defaults; throws `invalid <name>: <value>`. */
export function maybeGbdtParams(params: Partial<GbdtParams>): GbdtParams {
	const p = { ...GBDT_DEFAULTS, ...params };
	const check = (name: keyof GbdtParams, ok: boolean) => {
		if (!ok) throw new Error(`invalid ${name}: ${p[name]}`);
	};
	const int = (v: number) => Number.isInteger(v);
	check('nEstimators', int(p.nEstimators) && p.nEstimators >= 1);
	check('learningRate', p.learningRate > 0 && p.learningRate <= 1);
	check('maxDepth', int(p.maxDepth) && p.maxDepth >= 0);
	check('maxLeaves', int(p.maxLeaves) && (p.maxLeaves === 0 || p.maxLeaves >= 2));
	check('minChildWeight', p.minChildWeight >= 0);
	check('lambda', p.lambda >= 0);
	check('gamma', p.gamma >= 0);
	check('subsample', p.subsample > 0 && p.subsample <= 1);
	check('colsampleByTree', p.colsampleByTree > 0 && p.colsampleByTree <= 1);
	check('maxBins', int(p.maxBins) && p.maxBins >= 2 && p.maxBins <= 255);
	check('earlyStoppingRounds', int(p.earlyStoppingRounds) && p.earlyStoppingRounds >= 0);
	if (p.maxDepth === 0 && p.maxLeaves === 0) throw new Error('invalid maxDepth: 0 needs maxLeaves > 0');
	return p;
}
