import { describe, expect, it } from 'vitest';
import { summarisePurchases } from '../../../../models/value';
import { cdnowSampleLog, cdnowSummary, dayOf } from './cdnow';

describe('summarisePurchases', () => {
	it('rebuilds the paper’s CDNOW calibration summary from the 1/10 sample’s log (to its 2 decimals)', () => {
		const log = cdnowSampleLog();
		const out = summarisePurchases(log.customers, log.days, log.amounts, dayOf('1997-09-30'), dayOf('1998-06-30'), 7);
		const paper = cdnowSummary();
		expect(out.ids).toEqual(paper.ids);
		expect(Array.from(out.summary.frequency)).toEqual(Array.from(paper.frequency));
		for (const [mine, theirs] of [
			[out.summary.recency, paper.recency],
			[out.summary.age, paper.age],
			[out.summary.monetary, paper.monetary]
		])
			for (let i = 0; i < theirs.length; i++) expect(Math.abs(mine[i] - theirs[i])).toBeLessThanOrEqual(0.005 + 1e-9);
		// Holdout: repeat purchase days from 1997-10-01 to 1998-06-30 (weeks 40–78).
		expect(out.holdoutFrequency.reduce((s, x) => s + x, 0)).toBe(1882);
		expect(out.firstDay[0]).toBe(dayOf('1997-01-01'));
	});
	it('merges same-day purchases, leaves out later first purchases and counts holdout days', () => {
		const rows: [string | number, string, number][] = [
			['b', '2024-01-01', 10],
			['a', '2024-01-03', 5],
			['a', '2024-01-01', 20],
			['a', '2024-01-03', 7], // same day: one purchase of 12
			['a', '2024-01-15', 30], // holdout
			['a', '2024-01-16', 1], // holdout
			['a', '2024-03-01', 99], // after the holdout end: ignored
			['c', '2024-01-12', 8] // first purchase after the calibration end: left out
		];
		const out = summarisePurchases(
			rows.map((r) => r[0]),
			Float64Array.from(rows, (r) => dayOf(r[1])),
			Float64Array.from(rows, (r) => r[2]),
			dayOf('2024-01-10'),
			dayOf('2024-01-31'),
			1
		);
		expect(out.ids).toEqual(['a', 'b']);
		expect(Array.from(out.summary.frequency)).toEqual([1, 0]);
		expect(Array.from(out.summary.recency)).toEqual([2, 0]);
		expect(Array.from(out.summary.age)).toEqual([9, 9]);
		expect(Array.from(out.summary.monetary)).toEqual([12, 0]);
		expect(Array.from(out.holdoutFrequency)).toEqual([2, 0]);
	});
	it('refuses a holdout end before the calibration end', () => {
		expect(() => summarisePurchases([1], Float64Array.of(0), Float64Array.of(1), 10, 5, 7)).toThrow(/holdout end/);
	});
});
