/**
 * The columns a churn cell writes into its scored table (`<table>_scored`)
 * beside the customers' own: named once here for the churn cell that writes
 * them and the cells that read them (the retention dashboard).
 */

/** Probability, predicted class at the decision threshold, the threshold, risk level. */
export const SCORE_COLUMNS = { probability: 'churn_probability', predicted: 'predicted_churn', threshold: 'threshold', risk: 'risk_level' } as const;
/** Each explained customer's three main reasons in words ('' for the others). */
export const REASON_COLUMNS = ['reason_1', 'reason_2', 'reason_3'] as const;
/** Values of the risk level column, lowest first. */
export const RISK_LEVELS = ['Low', 'Medium', 'High'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
