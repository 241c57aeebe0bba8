import { describe, expect, it } from 'vitest';
import { classReport } from '$lib/cells/predict/class-report';

describe('classReport', () => {
	it('classReport(classes, labels, probabilities) counts the confusion matrix and per-class precision/recall', () => {
		// 4 customers, classes A/B/C; predictions: A, B, B, C; truth: A, B, C, C.
		const probabilities = [0.8, 0.1, 0.1, 0.1, 0.7, 0.2, 0.2, 0.5, 0.3, 0.1, 0.2, 0.7];
		const report = classReport(['A', 'B', 'C'], [0, 1, 2, 2], probabilities);
		expect(report.matrix).toEqual([
			[1, 0, 0],
			[0, 1, 0],
			[0, 1, 1]
		]);
		expect(report.perClass).toEqual([
			{ label: 'A', precision: 1, recall: 1, support: 1 },
			{ label: 'B', precision: 0.5, recall: 1, support: 1 },
			{ label: 'C', precision: 1, recall: 0.5, support: 2 }
		]);
	});
});
