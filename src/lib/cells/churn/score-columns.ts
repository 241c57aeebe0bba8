/**
 * The columns the churn cell writes beside the customers' own in the scored
 * table, computed from the probabilities alone (pure: no worker, no DuckDB).
 */
import { riskLevel, type ChurnParams } from './index';
import { REASON_COLUMNS, SCORE_COLUMNS } from '../scored-table';

/** Each explained customer's top three reasons in words, by row of the scored table. */
export interface CustomerReasons {
	rows: number[];
	reasons: string[][];
}

export { REASON_COLUMNS, SCORE_COLUMNS } from '../scored-table';

/** Row indexes, highest probability first (ties by row, so the order is stable). */
export function byRisk(probability: Float64Array): number[] {
	return Array.from(probability.keys()).sort((a, b) => probability[b] - probability[a] || a - b);
}

/** The scored table's columns: the class follows the user's decision threshold, which is written beside it. */
export function scoreColumns(
	probability: Float64Array,
	params: Pick<ChurnParams, 'threshold' | 'riskMedium' | 'riskHigh'>,
	classes: string[],
	reasons: CustomerReasons | null
): Record<string, Float64Array | string[]> {
	const perRow: string[][] = Array.from({ length: probability.length }, () => []);
	reasons?.rows.forEach((row, i) => (perRow[row] = reasons.reasons[i] ?? []));
	const columns: Record<string, Float64Array | string[]> = {
		[SCORE_COLUMNS.probability]: probability,
		[SCORE_COLUMNS.predicted]: Array.from(probability, (p) => (p >= params.threshold ? classes[1] : classes[0])),
		[SCORE_COLUMNS.threshold]: new Float64Array(probability.length).fill(params.threshold),
		[SCORE_COLUMNS.risk]: Array.from(probability, (p) => riskLevel(p, params.riskMedium, params.riskHigh))
	};
	REASON_COLUMNS.forEach((name, i) => (columns[name] = perRow.map((r) => r[i] ?? '')));
	return columns;
}

/** The CSV file name of a scored table, with the threshold its classes follow (`new_customers_scored_t0.30.csv`). */
export function scoredFileName(scoredName: string, threshold: number): string {
	return `${scoredFileStem(scoredName, threshold)}.csv`;
}

/** The scored table's file name without its extension (the download offers CSV, XLSX and Parquet). */
export function scoredFileStem(scoredName: string, threshold: number): string {
	return `${scoredName}_t${threshold.toFixed(2)}`;
}
