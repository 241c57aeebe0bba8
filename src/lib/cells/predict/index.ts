import { isString, type CellDefinition } from '../types';

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

export const predictCell: CellDefinition<PredictParams> = {
	type: 'predict',
	label: 'Predict segment',
	defaults: () => ({ table: '', target: '', splitColumn: '', seed: 42, budgetS: 30, resultKey: '', newTable: '', outName: '' }),
	check: (p) => (isString(p.table) && isString(p.target) && isString(p.newTable) ? null : 'its tables or target are missing'),
	reads: (p) => [p.table, p.newTable].filter(Boolean),
	writes: (p) => (p.outName ? [p.outName] : []),
	keeps: (p) => ({ results: [p.resultKey].filter(Boolean) }),
	startFrom: (table) => ({ table })
};
