/**
 * Scoring new customers, in two steps so the probabilities never wait for
 * the explanations: the table goes to the training worker as Arrow bytes and
 * the probabilities come back in seconds; the scored table (customer columns
 * + churn probability, predicted class at the chosen threshold, the
 * threshold, risk level, reasons) is written to DuckDB at once, with the
 * reasons columns empty until the reasons job (`reasons-job.ts`) fills them.
 */
import { getData, relationArrow, writeScoredTable } from '$lib/clients/data';
import { scoreTable } from '$lib/clients/train';
import type { CellValue, ColumnInfo, TableInfo } from '$lib/clients/data';
import type { ChurnParams } from './index';
import { byRisk, scoreColumns, SCORE_COLUMNS, type CustomerReasons } from './score-columns';

export { byRisk, REASON_COLUMNS, SCORE_COLUMNS, scoredFileStem, type CustomerReasons } from './score-columns';

/** A fitted model as the scoring and explanation panels need it. */
export interface ScoringModel {
	/** Encoded state. */
	state: unknown;
	/** Encoded background Features for SHAP. */
	background: unknown;
	classes: string[];
	label: string;
	/** Model kind ('gbdt', 'ensemble', …): decides how many customers get reasons. */
	kind: string;
}

export interface ScoreSummary {
	info: TableInfo;
	counts: { Low: number; Medium: number; High: number };
	/** Rows at or above the alert threshold, highest probability first. */
	alertRows: number[];
	/** Customers predicted to churn at the chosen threshold. */
	predictedPositive: number;
}

/** The positive class's probability for every row of `table`. */
export async function scoreProbabilities(table: string, model: ScoringModel): Promise<Float64Array> {
	const scored = await scoreTable(await relationArrow(table), model.state);
	const k = scored.classes.length;
	return Float64Array.from({ length: scored.rows }, (_, r) => scored.probabilities[r * k + k - 1]);
}

/** Writes `params.scoredName` from the probabilities (and the reasons found so far). */
export async function writeScores(params: ChurnParams, model: ScoringModel, probability: Float64Array, reasons: CustomerReasons | null): Promise<ScoreSummary> {
	const columns = scoreColumns(probability, params, model.classes, reasons);
	const info = await writeScoredTable(params.scoreTable, params.scoredName, columns);
	const counts = { Low: 0, Medium: 0, High: 0 };
	for (const level of columns[SCORE_COLUMNS.risk] as string[]) counts[level as keyof typeof counts]++;
	const alertRows = byRisk(probability).filter((r) => probability[r] >= params.alertAt);
	const predictedPositive = probability.reduce((n, p) => n + (p >= params.threshold ? 1 : 0), 0);
	return { info, counts, alertRows, predictedPositive };
}

/** The customer columns of some rows of the scored table (for the alert list). */
export async function rowsOf(table: string, rows: number[]): Promise<{ columns: ColumnInfo[]; values: CellValue[][] }> {
	const info = await getData().describe(table);
	const values = await Promise.all(rows.map(async (r) => (await getData().page(table, r, 1)).rows[0] ?? []));
	return { columns: info.columns, values };
}
