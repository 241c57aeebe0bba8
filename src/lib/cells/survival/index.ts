import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';

/**
 * A survival cell: how long customers stay. Kaplan–Meier curves (per group), the
 * log-rank test, a Cox model on covariates, and each customer's predicted
 * survival written to `<table>_survival`.
 */
export interface SurvivalParams {
	table: string;
	/** How long each customer has been (or was) a customer, e.g. tenure in months. */
	duration: string;
	/** Whether the customer left; `eventValue` is the value that says so ("Yes", "1"). */
	event: string;
	eventValue: string;
	/** Curves and the log-rank test per value of this column ('' = one curve). */
	group: string;
	/** Covariates of the Cox model (none = no Cox model). */
	covariates: string[];
	/** Times survival is reported at (empty = quarters of the longest duration). */
	times: number[];
	outName: string;
	/** IndexedDB key of the kept analysis ('' before the first one). */
	resultKey: string;
}

function timesProblem(value: unknown): string | null {
	return Array.isArray(value) && value.every((t) => typeof t === 'number' && Number.isFinite(t) && t >= 0) ? null : `invalid times: ${JSON.stringify(value)}`;
}

export const survivalCell = defineCell<SurvivalParams>({
	type: 'survival',
	label: () => M.label,
	add: { text: () => M.add, order: 5.7 },
	params: {
		table: param.text(),
		duration: param.text(),
		event: param.text(),
		eventValue: param.text(),
		group: param.text(),
		covariates: param.textList(),
		times: param.custom<number[]>(() => [], timesProblem),
		outName: param.text(),
		resultKey: param.text()
	},
	processing: 'model',
	reads: (p) => (p.table ? [p.table] : []),
	writes: (p) => (p.outName ? [p.outName] : []),
	keeps: (p) => ({ results: p.resultKey ? [p.resultKey] : [] }),
	start: ({ source }) => (source ? { table: source, outName: `${source}_survival` } : {})
});
