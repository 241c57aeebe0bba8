import { isString, type CellDefinition } from '../types';

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

export const rfmCell: CellDefinition<RfmParams> = {
	type: 'rfm',
	label: 'RFM',
	defaults: () => ({ source: '', customer: '', date: '', amount: '', asOf: '', outName: '', resultKey: '' }),
	// `resultKey` may be absent: notebooks saved before k-means results were kept have none.
	check: (p) =>
		['source', 'customer', 'date', 'amount', 'asOf', 'outName'].every((k) => isString(p[k])) && (p.resultKey === undefined || isString(p.resultKey))
			? null
			: 'its columns are missing',
	reads: (p) => (p.source ? [p.source] : []),
	writes: (p) => (p.outName ? [p.outName] : []),
	keeps: (p) => ({ results: [p.resultKey ?? ''].filter(Boolean) }),
	startFrom: (source) => ({ source, outName: `${source}_rfm` })
};

/** First column whose name looks like `pattern` (customer id, date, amount), else ''. */
export function guessColumn(columns: string[], pattern: RegExp): string {
	return columns.find((c) => pattern.test(c)) ?? '';
}

export const GUESS = {
	customer: /customer|client|cust_?id|member|account/i,
	date: /date|jour|day|time|purchased|ordered/i,
	amount: /amount|montant|total|price|prix|revenue|sales|value|spend/i
};
