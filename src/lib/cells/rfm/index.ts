import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';

/** An RFM cell: recency, frequency and monetary scores and named segments from a transactions table. */
export interface RfmParams {
	source: string;
	customer: string;
	date: string;
	amount: string;
	/** Reference date for recency (ISO); empty = the day after the latest purchase. */
	asOf: string;
	/** Output table, one row per customer. */
	outName: string;
	/** IndexedDB key of the kept k-means result ('' before the first clustering). */
	resultKey: string;
}

export const rfmCell = defineCell<RfmParams>({
	type: 'rfm',
	label: () => M.label,
	add: { text: () => M.add, order: 7 },
	params: {
		source: param.text(),
		customer: param.text(),
		date: param.text(),
		amount: param.text(),
		asOf: param.text(),
		outName: param.text(),
		// Notebooks saved before k-means results were kept have none: it defaults to ''.
		resultKey: param.text()
	},
	processing: 'model',
	reads: (p) => (p.source ? [p.source] : []),
	writes: (p) => (p.outName ? [p.outName] : []),
	keeps: (p) => ({ results: [p.resultKey].filter(Boolean) }),
	start: ({ source }) => (source ? { source, outName: `${source}_rfm` } : {})
});

/** First column whose name looks like `pattern` (customer id, date, amount), else ''. */
export function guessColumn(columns: string[], pattern: RegExp): string {
	return columns.find((c) => pattern.test(c)) ?? '';
}

export const GUESS = {
	customer: /customer|client|cust_?id|member|account/i,
	date: /date|jour|day|time|purchased|ordered/i,
	amount: /amount|montant|total|price|prix|revenue|sales|value|spend/i
};
