/**
 * Scoring new customers: the table goes to the training worker as Arrow
 * bytes, the probabilities come back, and the scored table (customer columns
 * + churn probability, predicted class, risk level) is written to DuckDB.
 */
import { relationArrow, writeScoredTable, getData } from '$lib/clients/data';
import { scoreTable } from '$lib/clients/train';
import type { TableInfo } from '$workers/data/api';
import { riskLevel, type ChurnParams } from './index';

export interface ScoreSummary {
	info: TableInfo;
	counts: { Low: number; Medium: number; High: number };
	alerts: number;
}

/** Output columns added to the scored table. */
export const SCORE_COLUMNS = { probability: 'churn_probability', predicted: 'predicted_churn', risk: 'risk_level' } as const;

export async function scoreCustomers(params: ChurnParams, state: unknown, classes: string[]): Promise<ScoreSummary> {
	const scored = await scoreTable(await relationArrow(params.scoreTable), state);
	const k = scored.classes.length;
	const probability = Float64Array.from({ length: scored.rows }, (_, r) => scored.probabilities[r * k + k - 1]);
	const counts = { Low: 0, Medium: 0, High: 0 };
	let alerts = 0;
	const risk = Array.from(probability, (p) => {
		const level = riskLevel(p, params.riskMedium, params.riskHigh);
		counts[level]++;
		if (p >= params.alertAt) alerts++;
		return level;
	});
	const predicted = Array.from(probability, (p) => (p >= params.threshold ? classes[1] : classes[0]));
	const info = await writeScoredTable(params.scoreTable, params.scoredName, {
		[SCORE_COLUMNS.probability]: probability,
		[SCORE_COLUMNS.predicted]: predicted,
		[SCORE_COLUMNS.risk]: risk
	});
	return { info, counts, alerts };
}

/** The customers at or above the alert threshold, highest risk first (at most `limit`). */
export async function alertRows(params: ChurnParams, limit = 100) {
	const page = await getData().page(params.scoredName, 0, limit, { column: SCORE_COLUMNS.probability, descending: true });
	const info = await getData().describe(params.scoredName);
	const at = info.columns.findIndex((c) => c.name === SCORE_COLUMNS.probability);
	return { columns: info.columns, rows: page.rows.filter((r) => Number(r[at]) >= params.alertAt) };
}
