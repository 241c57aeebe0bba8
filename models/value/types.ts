/** Shapes shared by the customer-value models (BG/NBD, Gamma-Gamma, CLV). */

/** One row per customer, in the chosen time unit (weeks by default). */
export interface PurchaseSummary {
	/** Repeat purchase days in the calibration period (x). */
	frequency: Float64Array;
	/** Time of the last purchase since the first (t_x); 0 when x = 0. */
	recency: Float64Array;
	/** T: calibration end − first purchase. */
	age: Float64Array;
	/** Mean amount of the repeat purchase days (0 when x = 0). */
	monetary: Float64Array;
}

export interface BgNbdParams {
	r: number;
	alpha: number;
	a: number;
	b: number;
}

/** Gamma-Gamma: p (shape of each spend), q and v (γ: shape and rate of the spend scale). */
export interface GammaGammaParams {
	p: number;
	q: number;
	v: number;
}

export interface FitReport<P> {
	params: P;
	/** From the inverse Hessian of the negative log-likelihood at the optimum; null when it is not positive definite. */
	standardErrors: P | null;
	logLikelihood: number;
	customers: number;
	converged: boolean;
	/** Starting points tried (the best optimum is kept). */
	starts: number;
}
