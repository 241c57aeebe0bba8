import { describe, expect, it } from 'vitest';
import type { RfmResult } from '$workers/data/api';
import { clustersFingerprint } from '$lib/cells/rfm/log-kmeans';

const RFM: RfmResult = {
	info: { name: 'tx_rfm', rowCount: 3, columns: [] },
	asOf: '2024-04-01',
	rules: [],
	segments: [
		{ segment: 'Champions', customers: 1, share: 1 / 3, recency: 2, frequency: 6, monetary: 150 },
		{ segment: 'Lost', customers: 2, share: 2 / 3, recency: 80.5, frequency: 1, monetary: 12.345 }
	],
	unparsedDates: 0,
	notes: []
};

describe('clustersFingerprint(outName, rfm)', () => {
	it('is the same for the same RFM table, float noise included', () => {
		const noisy = { ...RFM, segments: RFM.segments.map((s) => ({ ...s, monetary: s.monetary + 1e-12 })) };
		expect(clustersFingerprint('tx_rfm', noisy)).toBe(clustersFingerprint('tx_rfm', RFM));
	});

	it.each<[string, string, RfmResult]>([
		['another table', 'other_rfm', RFM],
		['another date', 'tx_rfm', { ...RFM, asOf: '2024-05-01' }],
		['one more customer', 'tx_rfm', { ...RFM, info: { ...RFM.info, rowCount: 4 } }],
		['other purchases', 'tx_rfm', { ...RFM, segments: [RFM.segments[0], { ...RFM.segments[1], monetary: 20 }] }]
	])('changes with %s', (_, outName, rfm) => {
		expect(clustersFingerprint(outName, rfm)).not.toBe(clustersFingerprint('tx_rfm', RFM));
	});
});
