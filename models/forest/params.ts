/** Hyperparameters of the random forest, named after scikit-learn's. */

/**
 * Random forest of histogram trees (bootstrap rows, random features per split).
 * @example { ...forestModel.defaults, nEstimators: 500, maxDepth: 0, minSamplesLeaf: 3 }
 */
export interface ForestParams {
	/** Number of trees. */
	nEstimators: number;
	/** Maximum depth; 0 = unlimited (then limit growth with minSamplesLeaf). */
	maxDepth: number;
	/** Minimum (bootstrap-weighted) rows in each leaf. */
	minSamplesLeaf: number;
	/** Features tried per split: 0 = √(features) (default), (0, 1) = fraction, ≥ 1 = count. */
	maxFeatures: number;
	/** Draw each tree's rows with replacement (bootstrap); false = every tree sees all rows. */
	bootstrap: boolean;
	/** Rows drawn per tree as a fraction of the training rows. */
	maxSamples: number;
	/** Minimum impurity decrease (Gini, × node rows) to split. */
	minImpurityDecrease: number;
	/** Bins per feature (missing values get a bin of their own), 2..255. */
	maxBins: number;
}

export const FOREST_DEFAULTS: ForestParams = {
	nEstimators: 300,
	maxDepth: 12,
	minSamplesLeaf: 1,
	maxFeatures: 0,
	bootstrap: true,
	maxSamples: 1,
	minImpurityDecrease: 0,
	maxBins: 255
};

/** `params` completed with defaults; throws `invalid <name>: <value>`. */
export function maybeForestParams(params: Partial<ForestParams>): ForestParams {
	const p = { ...FOREST_DEFAULTS, ...params };
	const check = (name: keyof ForestParams, ok: boolean) => {
		if (!ok) throw new Error(`invalid ${name}: ${p[name]}`);
	};
	const int = (v: number) => Number.isInteger(v);
	check('nEstimators', int(p.nEstimators) && p.nEstimators >= 1);
	check('maxDepth', int(p.maxDepth) && p.maxDepth >= 0);
	check('minSamplesLeaf', p.minSamplesLeaf > 0);
	check('maxFeatures', p.maxFeatures >= 0);
	check('bootstrap', typeof p.bootstrap === 'boolean');
	check('maxSamples', p.maxSamples > 0 && p.maxSamples <= 1);
	check('minImpurityDecrease', p.minImpurityDecrease >= 0);
	check('maxBins', int(p.maxBins) && p.maxBins >= 2 && p.maxBins <= 255);
	return p;
}

/** Features drawn per split for `features` columns. */
export function featuresPerSplit(maxFeatures: number, features: number): number {
	if (maxFeatures === 0) return Math.max(1, Math.floor(Math.sqrt(features)));
	if (maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * features));
	return Math.min(features, Math.floor(maxFeatures));
}
