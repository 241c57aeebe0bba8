import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '$lib/i18n';
import { rfmSegmentAdvice, rfmSegmentName, rfmSegmentRule, segmentTraits } from '$lib/cells/segment-words';
import { RFM_SEGMENT_RULES } from '$workers/data/rfm';

afterEach(() => {
	locale.current = 'en';
});

const profile = {
	z: { tenure: 1.2, monthly_charges: -0.8, senior_citizen: 0.1 },
	categories: [{ column: 'contract', level: 'Two year', lift: 2.5, share: 0.6 }]
};

describe('segmentTraits', () => {
	it('words the three strongest traits as the worker did, in English', () => {
		expect(segmentTraits(profile)).toBe('higher tenure, contract = Two year, lower monthly_charges');
		expect(segmentTraits({ z: { tenure: 0.1 }, categories: [] })).toBe('close to the average customer');
	});

	it('words them in French when the interface is in French', () => {
		locale.current = 'fr';
		expect(segmentTraits(profile)).toBe('tenure au-dessus de la moyenne, contract = Two year, monthly_charges sous la moyenne');
		expect(segmentTraits({ z: {}, categories: [] })).toBe('proche du client moyen');
	});
});

describe('RFM segments', () => {
	it('keep their stored names in English and have a French name and advice for each', () => {
		for (const rule of RFM_SEGMENT_RULES) {
			expect(rfmSegmentName(rule.segment)).toBe(rule.segment);
			expect(rfmSegmentAdvice(rule.segment, rule.description)).toBe(rule.description);
		}
		locale.current = 'fr';
		const names = RFM_SEGMENT_RULES.map((r) => rfmSegmentName(r.segment));
		expect(new Set(names).size).toBe(RFM_SEGMENT_RULES.length);
		expect(rfmSegmentName('At risk')).toBe('À risque');
		for (const rule of RFM_SEGMENT_RULES) expect(rfmSegmentAdvice(rule.segment, rule.description)).not.toBe(rule.description);
		expect(rfmSegmentRule('R ≤ 2 and F ≥ 3')).toBe('R ≤ 2 et F ≥ 3');
		expect(rfmSegmentName('Custom')).toBe('Custom');
	});
});
