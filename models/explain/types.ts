/**
 * SHAP explanations on the user's original columns (a categorical column's
 * one-hot parts are summed into one value), for every model kind.
 */
import type { Features, ModelState, ThreadPool } from '../types';

/** Where contributions add up: margins (log-odds) for boosting, logistic and MLP; probabilities for forests. */
export type ShapSpace = 'log-odds' | 'probability';

export interface ShapResult {
	/** Original column names, in the model state's feature order. */
	features: string[];
	/** Contributions, row-major `rows × features`, in `space`, for class `classIndex`. */
	values: Float64Array;
	/** Expected output (over the background / training cover) in `space`. */
	base: number;
	/** Output per row in `space`: base + Σ values (exactly for tree and linear SHAP). */
	outputs: Float64Array;
	space: ShapSpace;
	classIndex: number;
	method: 'tree' | 'linear' | 'kernel' | 'blend';
	/** Largest |outputs − (base + Σ values)| allowed by the method (0 for exact methods, small for kernel). */
	tolerance: number;
	rows: number;
	/** Assumptions behind the values (e.g. linear SHAP's feature independence), for the UI to show. */
	note?: string;
}

export interface ShapOptions {
	/** Class to explain (default: the positive class, index classes.length - 1). */
	classIndex?: number;
	/** Reference customers (a sample of the training rows) for linear and kernel SHAP. */
	background?: Features;
	/** Kernel SHAP: background rows kept (a seeded sample of `background`; default 50). */
	backgroundSize?: number;
	/** Kernel SHAP: coalitions sampled per customer. */
	samples?: number;
	seed?: number;
	signal?: AbortSignal;
	progress?(fraction: number): void;
	/** Helper threads that share the customers of a tree explanation (see shap-rows.ts); absent: this thread. */
	threads?: ThreadPool;
}

export type ShapExplainer = (state: ModelState, X: Features, options: ShapOptions) => Promise<ShapResult>;

/** One reason for one customer, in probability points. */
export interface Reason {
	feature: string;
	/** The customer's value as text ("Month-to-month", "2"). */
	value: string;
	/** Contribution to the churn probability in points (+18 = raises it by 18 percentage points). */
	points: number;
}

/** Churn probability (positive class) of every row of X. */
export type Predictor = (X: Features) => Promise<Float64Array>;

/**
 * SHAP values of some customers in the probability view, with what the views
 * need to draw them (the churn explanation charts and reasons): what the
 * training worker's `explain` returns.
 */
export interface ExplainData {
	/** Original column names. */
	features: string[];
	/** rows × features, row-major, probability units (0.18 = +18 points); they sum to output − base. */
	values: number[];
	/** Base churn probability. */
	base: number;
	/** Each row's churn probability. */
	outputs: number[];
	rows: number;
	/** [feature][row]: numbers for numeric columns, level names for categorical ones, null when missing. */
	featureValues: (number | string | null)[][];
	kinds: ('numeric' | 'categorical')[];
	/** How the values were computed ("tree", "linear", "kernel", "blend"). */
	method: string;
}
