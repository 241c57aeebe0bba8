import { describe, expect, it } from 'vitest';
import { averagePredictions } from '$models/auto/ensemble';

describe('averagePredictions', () => {
	it('averagePredictions(binary) averages the log-odds', () => {
		const p = averagePredictions([
			{ classes: ['No', 'Yes'], probabilities: Float64Array.from([0.2, 0.8, 0.5, 0.5]) },
			{ classes: ['No', 'Yes'], probabilities: Float64Array.from([0.5, 0.5, 0.9, 0.1]) }
		]);
		const logit = (x: number) => Math.log(x / (1 - x));
		const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
		expect(p.probabilities[1]).toBeCloseTo(sigmoid((logit(0.8) + logit(0.5)) / 2), 12);
		expect(p.probabilities[3]).toBeCloseTo(sigmoid((logit(0.5) + logit(0.1)) / 2), 12);
		expect(p.probabilities[0] + p.probabilities[1]).toBeCloseTo(1, 12);
	});

	it('averagePredictions(one member) returns its probabilities', () => {
		const probabilities = Float64Array.from([0.1, 0.3, 0.6]);
		expect(Array.from(averagePredictions([{ classes: ['A', 'B', 'C'], probabilities }]).probabilities)).toEqual(
			Array.from(probabilities).map((x) => expect.closeTo(x, 12))
		);
	});
});

describe('meanImportance', () => {
	it("meanImportance(members) averages each column's drop, a missing column counting 0, sorted", async () => {
		const { meanImportance } = await import('$models/auto/evaluate');
		const blend = meanImportance([
			[
				{ feature: 'tenure', value: 0.08 },
				{ feature: 'contract', value: 0.02 }
			],
			[
				{ feature: 'contract', value: 0.06 },
				{ feature: 'tenure', value: 0.04 },
				{ feature: 'charges', value: 0.01 }
			]
		]);
		expect(blend.map((r) => r.feature)).toEqual(['tenure', 'contract', 'charges']);
		expect(blend.map((r) => r.value)).toEqual([expect.closeTo(0.06, 12), expect.closeTo(0.04, 12), expect.closeTo(0.005, 12)]);
	});
});
