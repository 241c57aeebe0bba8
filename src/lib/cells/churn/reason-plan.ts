/**
 * Which customers get reasons and how finely they are sampled (pure, so the
 * scoring bench in scripts/ measures exactly what the churn cell asks for).
 */
import { explainsEveryRow } from '$models/catalog';

export const REASON_ROWS = 300;
/**
 * Kernel SHAP settings for the neural network's part of the reasons: a top-three
 * list needs the order of the contributions, not their third decimal, and 16
 * background customers × 128 coalitions is about 12 times less work than the
 * explanation panel's 50 × 512.
 */
export const REASON_SAMPLING = { backgroundSize: 16, samples: 128 } as const;

/** The rows to explain: every row for the exact methods, else the `REASON_ROWS` riskiest. */
export function reasonRows(kind: string, riskOrder: number[]): number[] {
	return explainsEveryRow(kind) ? [...riskOrder].sort((a, b) => a - b) : riskOrder.slice(0, REASON_ROWS);
}
