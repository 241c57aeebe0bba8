import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';
import { joinedName } from './columns';

/** The units recency, T and the prediction window are counted in. */
export const VALUE_UNITS = ['day', 'week', 'month'] as const;
export type ValueUnitParam = (typeof VALUE_UNITS)[number];

/**
 * A lifetime value cell: BG/NBD (how many more purchases, P(alive)) and Gamma-Gamma
 * (spend per purchase) on a purchase log, each customer's CLV, written to `<table>_value`.
 */
export interface ValueParams {
	/** Transactions table: one row per purchase. */
	source: string;
	customer: string;
	date: string;
	amount: string;
	/** Last day of the calibration period (ISO); '' = the latest purchase (no holdout). */
	calibrationEnd: string;
	/** Last day of the holdout ('' = the latest purchase when the calibration ends earlier). */
	holdoutEnd: string;
	unit: ValueUnitParam;
	/** Expected purchases are predicted over the next `periods` units. */
	periods: number;
	/** CLV horizon and monthly discount rate (lifetimes' definition). */
	horizonMonths: number;
	monthlyDiscountRate: number;
	/** Table written, one row per customer. */
	outName: string;
	/** IndexedDB key of the kept fit ('' before the first one). */
	resultKey: string;
	/** A customer table the values are added to, as view `<table>_with_value` ('' = none). */
	joinTable: string;
	/** Its customer id column. */
	joinId: string;
}

export const valueCell = defineCell<ValueParams>({
	type: 'value',
	label: () => M.label,
	add: { text: () => M.add, order: 7.5 },
	params: {
		source: param.text(),
		customer: param.text(),
		date: param.text(),
		amount: param.text(),
		calibrationEnd: param.text(),
		holdoutEnd: param.text(),
		unit: param.oneOf(VALUE_UNITS, 'week', { name: 'unit' }),
		periods: param.number(52, { min: 1, max: 1000, integer: true }),
		horizonMonths: param.number(12, { min: 1, max: 120, integer: true }),
		monthlyDiscountRate: param.number(0.01, { min: 0, max: 1 }),
		outName: param.text(),
		resultKey: param.text(),
		joinTable: param.text(),
		joinId: param.text()
	},
	processing: 'model',
	reads: (p) => (p.source ? [p.source] : []),
	writes: (p) => [p.outName, p.joinTable && joinedName(p.joinTable)].filter(Boolean),
	keeps: (p) => ({ results: p.resultKey ? [p.resultKey] : [] }),
	offers: (p) => (p.outName && p.resultKey && p.customer ? { customerValue: { table: p.outName, idColumn: p.customer, horizonMonths: p.horizonMonths } } : {}),
	start: ({ source }) => (source ? { source, outName: `${source}_value` } : {})
});
