/**
 * The RFM cell's alternative to the rules: k-means on ln(1 + recency),
 * ln(frequency), ln(1 + monetary) of the RFM table. Its result is kept like
 * every trained result (`$lib/storage/kept-result`) under a fingerprint of the
 * RFM table it was computed from, so a reload shows it without clustering again.
 */
import type { RfmResult } from '$lib/clients/data';
import type { SegmentResult } from '$lib/clients/train';
import { getData, relationArrow } from '$lib/clients/data';
import { segmentCustomers } from '$lib/clients/train';

/** What the cell shows of a clustering, and so what is kept (not the label of every customer). */
export type RfmClusters = Pick<SegmentResult, 'k' | 'reason' | 'profiles'>;

const SETTINGS = { columns: ['log_recency', 'log_frequency', 'log_monetary'], minK: 2, maxK: 8, k: null, seed: 42 };

/**
 * The RFM table `outName` as the clustering sees it: its date, size and per-segment means
 * (rounded, so float noise never counts as a change) and the clustering settings.
 */
export function clustersFingerprint(outName: string, rfm: RfmResult): string {
	const round = (v: number) => Number(v.toPrecision(9));
	const segments = rfm.segments.map((s) => [s.segment, s.customers, round(s.recency), round(s.frequency), round(s.monetary)]);
	return JSON.stringify({ outName, asOf: rfm.asOf, customers: rfm.info.rowCount, segments, settings: SETTINGS });
}

/** Clusters the customers of RFM table `outName` on log-scaled R, F, M (k chosen by silhouette). */
export async function clusterLogRfm(outName: string): Promise<RfmClusters> {
	const view = `${outName}_log`;
	await getData().runSql(
		`SELECT customer, ln(1 + recency_days) AS log_recency, ln(frequency) AS log_frequency, ln(1 + greatest(monetary, 0)) AS log_monetary FROM "${outName.replaceAll('"', '""')}"`,
		view
	);
	const { k, reason, profiles } = await segmentCustomers(await relationArrow(view), SETTINGS).result;
	return { k, reason, profiles };
}
