/**
 * Scoring new customers: the table goes to the training worker as Arrow
 * bytes, the probabilities (and each customer's top three reasons) come back,
 * and the scored table (customer columns + churn probability, predicted
 * class, risk level, reasons) is written to DuckDB.
 */
import { getData, relationArrow, writeScoredTable } from '$lib/clients/data';
import { explainRows, scoreTable } from '$lib/clients/train';
import type { CellValue, ColumnInfo, TableInfo } from '$workers/data/api';
import { riskLevel, type ChurnParams } from './index';

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

/** Exact tree and linear SHAP explain every customer in seconds; the sampling methods only the riskiest. */
const FAST_EXPLAINERS = new Set(['gbdt', 'logistic']);
const REASON_ROWS = 300;

export interface ScoreSummary {
	info: TableInfo;
	counts: { Low: number; Medium: number; High: number };
	/** Rows at or above the alert threshold, highest probability first. */
	alertRows: number[];
	probability: Float64Array;
	/** Why reasons are missing, if they are (the scores are still written). */
	reasonsNote: string;
}

/** Output columns added to the scored table. */
export const SCORE_COLUMNS = { probability: 'churn_probability', predicted: 'predicted_churn', risk: 'risk_level' } as const;
export const REASON_COLUMNS = ['reason_1', 'reason_2', 'reason_3'] as const;

export async function scoreCustomers(params: ChurnParams, model: ScoringModel): Promise<ScoreSummary> {
	const ipc = await relationArrow(params.scoreTable);
	// The first call takes the bytes (transferred); the explanation gets its own copy.
	const explainIpc = ipc.slice();
	const scored = await scoreTable(ipc, model.state);
	const k = scored.classes.length;
	const probability = Float64Array.from({ length: scored.rows }, (_, r) => scored.probabilities[r * k + k - 1]);
	const counts = { Low: 0, Medium: 0, High: 0 };
	const risk = Array.from(probability, (p) => {
		const level = riskLevel(p, params.riskMedium, params.riskHigh);
		counts[level]++;
		return level;
	});
	const predicted = Array.from(probability, (p) => (p >= params.threshold ? model.classes[1] : model.classes[0]));
	const columns: Record<string, Float64Array | string[]> = {
		[SCORE_COLUMNS.probability]: probability,
		[SCORE_COLUMNS.predicted]: predicted,
		[SCORE_COLUMNS.risk]: risk
	};
	let reasonsNote = '';
	const byRisk = Array.from(probability.keys()).sort((a, b) => probability[b] - probability[a]);
	const explained = FAST_EXPLAINERS.has(model.kind) ? null : byRisk.slice(0, REASON_ROWS);
	try {
		const { reasons = [] } = await explainRows(explainIpc, model, explained, true).result;
		const perRow: string[][] = Array.from({ length: scored.rows }, () => []);
		(explained ?? byRisk.map((_, i) => i)).forEach((row, i) => (perRow[row] = reasons[i] ?? []));
		if (explained && explained.length < scored.rows) reasonsNote = `reasons are given for the ${explained.length} highest-risk customers only (${model.label} is explained by sampling, which takes longer)`;
		REASON_COLUMNS.forEach((name, i) => (columns[name] = perRow.map((r) => r[i] ?? '')));
	} catch (e) {
		reasonsNote = (e as Error).message;
	}
	const info = await writeScoredTable(params.scoreTable, params.scoredName, columns);
	const alertRows = byRisk.filter((r) => probability[r] >= params.alertAt);
	return { info, counts, alertRows, probability, reasonsNote };
}

/** The customer columns of some rows of the scored table (for the alert list). */
export async function rowsOf(table: string, rows: number[]): Promise<{ columns: ColumnInfo[]; values: CellValue[][] }> {
	const info = await getData().describe(table);
	const values = await Promise.all(rows.map(async (r) => (await getData().page(table, r, 1)).rows[0] ?? []));
	return { columns: info.columns, values };
}
