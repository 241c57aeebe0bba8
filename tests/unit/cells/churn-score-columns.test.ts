import { describe, expect, it } from 'vitest';
import { byRisk, scoreColumns, scoredFileName, SCORE_COLUMNS } from '$lib/cells/churn/score-columns';

const probability = Float64Array.of(0.1, 0.16, 0.5, 0.14, 0.9, 0.15);
const cuts = { riskMedium: 0.4, riskHigh: 0.7 };

describe('scored table columns', () => {
	it.each([
		[0.5, ['No', 'No', 'Yes', 'No', 'Yes', 'No']],
		[0.15, ['No', 'Yes', 'Yes', 'No', 'Yes', 'Yes']],
		[0.95, ['No', 'No', 'No', 'No', 'No', 'No']]
	])('scoreColumns(p, {threshold: %s}) predicts churn at or above the chosen threshold and records it', (threshold, expected) => {
		const columns = scoreColumns(probability, { threshold, ...cuts }, ['No', 'Yes'], null);
		expect(columns[SCORE_COLUMNS.predicted]).toEqual(expected);
		expect(Array.from(columns[SCORE_COLUMNS.threshold] as Float64Array)).toEqual(Array(6).fill(threshold));
		const predicted = (columns[SCORE_COLUMNS.predicted] as string[]).filter((c) => c === 'Yes').length;
		expect(predicted).toBe(Array.from(probability).filter((p) => p >= threshold).length);
	});

	it("scoreColumns(p, …, reasons) puts each explained row's reasons in reason_1..3 and leaves the others empty", () => {
		const columns = scoreColumns(probability, { threshold: 0.5, ...cuts }, ['No', 'Yes'], { rows: [4, 2], reasons: [['a', 'b', 'c'], ['d']] });
		expect(columns.reason_1).toEqual(['', '', 'd', '', 'a', '']);
		expect(columns.reason_3).toEqual(['', '', '', '', 'c', '']);
		expect(columns[SCORE_COLUMNS.risk]).toEqual(['Low', 'Low', 'Medium', 'Low', 'High', 'Low']);
	});

	it('byRisk(p) orders rows by probability, highest first', () => {
		expect(byRisk(probability)).toEqual([4, 2, 1, 5, 3, 0]);
	});

	it('scoredFileName(name, 0.15) writes the threshold in the file name', () => {
		expect(scoredFileName('new_customers_scored', 0.15)).toBe('new_customers_scored_t0.15.csv');
	});
});
