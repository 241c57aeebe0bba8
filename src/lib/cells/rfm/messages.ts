/**
 * Texts of the RFM cell.
 */
import { messages } from '$lib/i18n';

export const M = messages({
	add: 'RFM',
	source: 'Transactions',
	customer: 'Customer id',
	date: 'Date',
	amount: 'Amount',
	asOf: 'As of',
	compute: 'Compute RFM',
	summary: (n: number, asOf: string, table: string) => `${n.toLocaleString('en-US')} customers scored as of ${asOf}, in table ${table}.`,
	segments: 'RFM segments',
	rules: 'Segment rules (first match wins)',
	segment: 'Segment',
	customers: 'Customers',
	recency: 'Mean recency (days)',
	frequency: 'Mean purchases',
	monetary: 'Mean spent',
	order: '#',
	rule: 'Rule',
	cluster: 'Alternative: k-means on log R, F, M',
	clustering: 'Clustering…',
	clusters: 'k-means segments on log-scaled RFM',
	clustersStale: 'The transactions or the RFM settings changed since this k-means result: cluster again to update it.',
	description: 'What sets it apart'
});
