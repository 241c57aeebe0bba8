/**
 * What the explanation views draw: one model's SHAP values on the user's
 * original columns, in probability units, prepared by the churn cell from a
 * `ShapResult` in the probability view. Plain data (structured-cloneable).
 */
export interface ExplainData {
	/** Original column names. */
	features: string[];
	/** Contributions, row-major `rows × features`, in probability units (0.18 = +18 points). */
	values: number[];
	/** Base churn probability p0 (the average prediction). */
	base: number;
	/** Each row's churn probability: base + Σ its contributions (up to the method's tolerance). */
	outputs: number[];
	rows: number;
	/** Per feature, each row's value: numbers for numeric columns (null when missing), text for categorical. */
	featureValues: (number | string | null)[][];
	kinds: ('numeric' | 'categorical')[];
}

export type { Reason } from '$models/explain/types';
