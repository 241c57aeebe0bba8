import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';
import type { RiskLevel } from '../scored-table';
import { TABULAR_KINDS, type TabularKind } from '$models/catalog';

/** 'auto' tunes every tabular kind of the catalogue (and may blend them); a kind tunes only that model. */
export type ChurnMode = 'auto' | TabularKind;
export const CHURN_MODES: readonly ChurnMode[] = ['auto', ...TABULAR_KINDS];

/** A churn cell: train on a customer table, evaluate, score new customers. */
export interface ChurnParams {
	table: string;
	target: string;
	/** Positive class ("Yes"); empty = the minority class. */
	positive: string;
	/** Feature columns; empty = every sensible column. */
	features: string[];
	/** Columns kept although they look like IDs or leaks. */
	keep: string[];
	/** A column with "train"/"test" values; empty = stratified split. */
	splitColumn: string;
	testFraction: number;
	seed: number;
	mode: ChurnMode;
	budgetS: number;
	cvFolds: number;
	/** IndexedDB key of the last training result ('' before the first training). */
	resultKey: string;
	/** The model the user picked in the leaderboard ('' = best by CV). */
	selected: string;
	threshold: number;
	/** Risk levels: Low below `riskMedium`, Medium below `riskHigh`, else High. */
	riskMedium: number;
	riskHigh: number;
	/** Customers at or above this probability are listed as alerts. */
	alertAt: number;
	/** Cost/benefit figures of a retention campaign (profit curve and suggested threshold). */
	valuePerRetained: number;
	costPerContact: number;
	successRate: number;
	/** Columns the business can act on (what-if and counterfactual changes touch only these). */
	actionable: string[];
	/** Risk a counterfactual must bring a customer below. */
	targetRisk: number;
	/** Table to score ('' = none yet) and the name of the scored output table. */
	scoreTable: string;
	scoredName: string;
	/** Column that names each customer ('' = row numbers; null or absent = guess it from the scored table). */
	idColumn: string | null;
	/** IndexedDB key of the kept reasons of the scored customers ('' before the first). */
	reasonsKey: string;
}

/** A probability or a share, 0 to 1. */
const share = (initial: number) => param.number(initial, { min: 0, max: 1 });

export const churnCell = defineCell<ChurnParams>({
	type: 'churn',
	label: () => M.label,
	add: { text: () => M.add, order: 5 },
	params: {
		table: param.text(),
		target: param.text(),
		positive: param.text(),
		features: param.textList(),
		keep: param.textList(),
		splitColumn: param.text(),
		testFraction: share(0.2),
		seed: param.number(42),
		mode: param.oneOf<ChurnMode>(CHURN_MODES, 'auto', { name: 'mode' }),
		budgetS: param.number(60, { min: 1 }),
		cvFolds: param.number(3, { min: 2, integer: true }),
		resultKey: param.text(),
		selected: param.text(),
		threshold: share(0.5),
		riskMedium: share(0.4),
		riskHigh: share(0.7),
		alertAt: share(0.8),
		valuePerRetained: param.number(500),
		costPerContact: param.number(20),
		successRate: share(0.3),
		actionable: param.textList(),
		targetRisk: share(0.4),
		scoreTable: param.text(),
		scoredName: param.text(),
		idColumn: param.nullable(param.text()),
		reasonsKey: param.text()
	},
	processing: 'model',
	reads: (p) => [p.table, p.scoreTable].filter(Boolean),
	writes: (p) => (p.scoredName ? [p.scoredName] : []),
	keeps: (p) => ({ results: [p.resultKey, p.reasonsKey ?? ''].filter(Boolean) }),
	// A trained model is offered to the notebook's other cells (next-best offers re-score customers with it).
	offers: (p) =>
		p.resultKey
			? { churnModel: { resultKey: p.resultKey, selected: p.selected, table: p.table, threshold: p.threshold, scoredName: p.scoredName, valuePerRetained: p.valuePerRetained, costPerContact: p.costPerContact } }
			: {},
	start: ({ source }) => (source ? { table: source } : {})
});

/** Risk level of a churn probability with the cell's cut-offs. */
export function riskLevel(probability: number, medium: number, high: number): RiskLevel {
	return probability >= high ? 'High' : probability >= medium ? 'Medium' : 'Low';
}

/** Columns a retention team can usually change for a customer (offer, contract, services, billing). */
export function guessActionable(columns: string[]): string[] {
	return columns.filter((c) => /contract|payment|billing|support|security|backup|protection|plan|offer|discount|service/i.test(c) && !/tenure|age|senior|gender|female/i.test(c));
}

/** The target column a churn table most likely has: named like churn/attrition/status, else the last two-valued column. */
export function guessTarget(columns: string[]): string {
	const named = columns.find((c) => /churn|attrition|exited|status|cancel|left|target|label/i.test(c));
	return named ?? '';
}
