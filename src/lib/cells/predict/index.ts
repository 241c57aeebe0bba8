import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';

/** A segment-prediction cell: learn a known label (segments A/B/C/D…) and predict it for new customers. */
export interface PredictParams {
	/** Customers with a known label. */
	table: string;
	target: string;
	/** A column with "train"/"test"; empty = stratified split. */
	splitColumn: string;
	seed: number;
	budgetS: number;
	/** IndexedDB key of the last training result. */
	resultKey: string;
	/** New customers to label, and the output table. */
	newTable: string;
	outName: string;
}

export const predictCell = defineCell<PredictParams>({
	type: 'predict',
	label: () => M.label,
	add: { text: () => M.add, order: 8 },
	params: {
		table: param.text(),
		target: param.text(),
		splitColumn: param.text(),
		seed: param.number(42),
		budgetS: param.number(30, { min: 1 }),
		resultKey: param.text(),
		newTable: param.text(),
		outName: param.text()
	},
	processing: 'model',
	reads: (p) => [p.table, p.newTable].filter(Boolean),
	writes: (p) => (p.outName ? [p.outName] : []),
	keeps: (p) => ({ results: [p.resultKey].filter(Boolean) }),
	start: ({ source }) => (source ? { table: source } : {})
});
