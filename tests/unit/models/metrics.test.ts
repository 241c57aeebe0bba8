import { describe, expect, test } from 'vitest';
import {
	accuracyAt,
	averagePrecision,
	bestProfitThreshold,
	calibrationBins,
	confusionAt,
	confusionMatrix,
	f1At,
	gainsCurve,
	logLoss,
	macroF1,
	MAX_CURVE_POINTS,
	multiclassAccuracy,
	multiLogLoss,
	prCurve,
	profitAt,
	profitCurve,
	rocAuc,
	rocCurve,
	scoreHistogram
} from '$models/shared/metrics';

// scikit-learn's documentation example for roc_auc_score / roc_curve / precision_recall_curve.
const LABELS = [0, 0, 1, 1];
const SCORES = [0.1, 0.4, 0.35, 0.8];

/** A deterministic pseudo-random stream (LCG) for property cases. */
function stream(seed: number): () => number {
	let s = seed >>> 0;
	return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('rocAuc', () => {
	test('rocAuc([0,0,1,1], [0.1,0.4,0.35,0.8]) is 0.75 (sklearn)', () => {
		expect(rocAuc(LABELS, SCORES)).toBeCloseTo(0.75, 12);
	});

	test.each([
		['perfect scores', [0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], 1],
		['reversed scores', [0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1], 0],
		['constant scores', [0, 1, 0, 1, 1], [0.5, 0.5, 0.5, 0.5, 0.5], 0.5],
		// Pairs (pos, neg): 0.8>0.5 ✓, 0.8>0.2 ✓, 0.5=0.5 ½, 0.5>0.2 ✓ → 3.5 / 4.
		['a tie across classes', [1, 0, 1, 0], [0.8, 0.5, 0.5, 0.2], 0.875]
	])('rocAuc(%s) is %s', (_name, labels, scores, expected) => {
		expect(rocAuc(labels, scores)).toBeCloseTo(expected as number, 12);
	});

	test('rocAuc(random rows with ties) equals the share of correctly ordered pairs', () => {
		const random = stream(11);
		const labels = Array.from({ length: 200 }, () => (random() < 0.4 ? 1 : 0));
		// Two decimals force many ties.
		const scores = labels.map((y) => Math.round((0.2 * y + 0.8 * random()) * 100) / 100);
		let pairs = 0;
		let right = 0;
		labels.forEach((yi, i) =>
			labels.forEach((yj, j) => {
				if (yi !== 1 || yj !== 0) return;
				pairs++;
				right += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
			})
		);
		expect(rocAuc(labels, scores)).toBeCloseTo(right / pairs, 12);
	});

	test('rocAuc(one class only) is NaN', () => {
		expect(rocAuc([1, 1], [0.2, 0.9])).toBeNaN();
	});

	test('rocAuc(labels, shorter scores) throws', () => {
		expect(() => rocAuc([0, 1, 1], [0.2, 0.9])).toThrow('invalid scores');
	});

	test('rocAuc(Float64Array labels, Float32Array scores) accepts typed arrays', () => {
		expect(rocAuc(new Float64Array(LABELS), new Float32Array(SCORES))).toBeCloseTo(0.75, 6);
	});
});

describe('rocCurve', () => {
	test('rocCurve([0,0,1,1], …) matches sklearn fpr, tpr and thresholds', () => {
		const points = rocCurve(LABELS, SCORES);
		expect(points.map((p) => p.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
		expect(points.map((p) => p.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
		expect(points.map((p) => p.threshold)).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
	});

	test('rocCurve(5000 rows) keeps ≤ 200 points with exact endpoints', () => {
		const random = stream(7);
		const labels = Array.from({ length: 5000 }, () => (random() < 0.3 ? 1 : 0));
		const scores = labels.map((y) => Math.min(1, Math.max(0, 0.3 * y + 0.7 * random())));
		const points = rocCurve(labels, scores);
		expect(points.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
		expect(points[0]).toMatchObject({ fpr: 0, tpr: 0 });
		expect(points.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
		for (let i = 1; i < points.length; i++) expect(points[i].fpr).toBeGreaterThanOrEqual(points[i - 1].fpr);
	});
});

describe('averagePrecision', () => {
	test('averagePrecision([0,0,1,1], [0.1,0.4,0.35,0.8]) is 0.8333… (sklearn)', () => {
		expect(averagePrecision(LABELS, SCORES)).toBeCloseTo(0.8333333333, 9);
	});

	test('averagePrecision(perfect scores) is 1; without positives NaN', () => {
		expect(averagePrecision([0, 1, 1], [0.1, 0.8, 0.9])).toBe(1);
		expect(averagePrecision([0, 0], [0.1, 0.8])).toBeNaN();
	});

	test('averagePrecision(tied scores) takes one step per distinct score', () => {
		// One threshold: recall 1, precision 2/4.
		expect(averagePrecision([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
	});
});

describe('prCurve', () => {
	test('prCurve([0,0,1,1], …) matches sklearn precision and recall (reversed)', () => {
		const points = prCurve(LABELS, SCORES);
		expect(points.map((p) => p.recall)).toEqual([0, 0.5, 0.5, 1, 1]);
		expect(points.map((p) => p.precision)).toEqual([1, 1, 0.5, 2 / 3, 0.5]);
		expect(points.map((p) => p.threshold)).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
	});
});

describe('logLoss', () => {
	test('logLoss(sklearn spam example) is 0.21616', () => {
		expect(logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65])).toBeCloseTo(0.21616187468057912, 12);
	});

	test('logLoss(confident miss) is clipped at −log(1e-15)', () => {
		expect(logLoss([1], [0])).toBeCloseTo(-Math.log(1e-15), 6);
		expect(Number.isFinite(logLoss([0], [1]))).toBe(true);
	});
});

describe('confusionAt', () => {
	test('confusionAt([0,0,1,1], …, 0.38) counts scores ≥ threshold as positive', () => {
		// Flagged: 0.4 (neg), 0.8 (pos); missed: 0.35 (pos).
		expect(confusionAt(LABELS, SCORES, 0.38)).toEqual({
			tp: 1,
			fp: 1,
			tn: 1,
			fn: 1,
			precision: 0.5,
			recall: 0.5,
			f1: 0.5,
			accuracy: 0.5,
			specificity: 0.5
		});
	});

	test('confusionAt(…, 0.4) includes a score equal to the threshold', () => {
		expect(confusionAt(LABELS, SCORES, 0.4)).toMatchObject({ tp: 1, fp: 1 });
	});

	test('confusionAt(…, 0.9) flags nobody: precision and F1 are 0, not NaN', () => {
		expect(confusionAt(LABELS, SCORES, 0.9)).toMatchObject({ tp: 0, fp: 0, tn: 2, fn: 2, precision: 0, recall: 0, f1: 0, accuracy: 0.5, specificity: 1 });
	});

	test('accuracyAt(…, 0.3) and f1At(…, 0.3) agree with the confusion counts', () => {
		// Flagged 0.4, 0.35, 0.8: tp 2, fp 1, tn 1 → accuracy 3/4, precision 2/3, recall 1, F1 0.8.
		expect(accuracyAt(LABELS, SCORES, 0.3)).toBe(0.75);
		expect(f1At(LABELS, SCORES, 0.3)).toBeCloseTo(0.8, 12);
	});
});

describe('calibrationBins', () => {
	test('calibrationBins(sklearn example, 3) gives prob_true [0, 0.5, 1] and prob_pred [0.2, 0.525, 0.85]', () => {
		const labels = [0, 0, 0, 0, 1, 1, 1, 1, 1];
		const scores = [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1];
		const bins = calibrationBins(labels, scores, 3);
		expect(bins.map((b) => b.fractionPositive)).toEqual([0, 0.5, 1]);
		bins.map((b, i) => expect(b.meanPredicted).toBeCloseTo([0.2, 0.525, 0.85][i], 12));
		expect(bins.map((b) => b.count)).toEqual([3, 2, 4]);
	});

	test('calibrationBins(scores in two of ten bins) leaves the empty bins out', () => {
		expect(calibrationBins([0, 1, 1], [0.05, 0.95, 1], 10)).toEqual([
			{ meanPredicted: 0.05, fractionPositive: 0, count: 1 },
			{ meanPredicted: 0.975, fractionPositive: 1, count: 2 }
		]);
	});

	test('calibrationBins(…, 0 bins) throws', () => {
		expect(() => calibrationBins(LABELS, SCORES, 0)).toThrow('invalid bins: 0');
	});
});

describe('gainsCurve', () => {
	const labels = [1, 0, 1, 0];
	const scores = [0.9, 0.8, 0.7, 0.1];

	test('gainsCurve(4 customers) captures 1/2 at 25 %, 1/2 at 50 %, all at 75 %', () => {
		const points = gainsCurve(labels, scores);
		expect(points).toHaveLength(101);
		expect(points[25]).toEqual({ fractionContacted: 0.25, fractionCaptured: 0.5, lift: 2 });
		expect(points[50]).toEqual({ fractionContacted: 0.5, fractionCaptured: 0.5, lift: 1 });
		expect(points[75].fractionCaptured).toBe(1);
		expect(points[0]).toEqual({ fractionContacted: 0, fractionCaptured: 0, lift: 2 });
	});

	test('gainsCurve(any scores) ends at (1, 1) with lift 1', () => {
		const random = stream(3);
		const many = Array.from({ length: 333 }, () => (random() < 0.2 ? 1 : 0));
		const points = gainsCurve(many, many.map(() => random()));
		expect(points.at(-1)!.fractionContacted).toBe(1);
		expect(points.at(-1)!.fractionCaptured).toBeCloseTo(1, 12);
		expect(points.at(-1)!.lift).toBeCloseTo(1, 12);
	});

	test('gainsCurve(constant scores) is the diagonal: ties are contacted pro rata', () => {
		const points = gainsCurve([1, 0, 0, 1, 0], [0.3, 0.3, 0.3, 0.3, 0.3]);
		for (const p of points) expect(p.fractionCaptured).toBeCloseTo(p.fractionContacted, 12);
	});
});

describe('scoreHistogram', () => {
	test('scoreHistogram([0,0,1,1], …, 2) counts each class per half', () => {
		expect(scoreHistogram(LABELS, SCORES, 2)).toEqual([
			{ x0: 0, x1: 0.5, negatives: 2, positives: 1 },
			{ x0: 0.5, x1: 1, negatives: 0, positives: 1 }
		]);
	});

	test('scoreHistogram(edges 0.5 and 1) puts 0.5 in the upper bin and 1 in the last', () => {
		const bins = scoreHistogram([0, 1, 1], [0, 0.5, 1], 2);
		expect(bins.map((b) => b.negatives + b.positives)).toEqual([1, 2]);
	});
});

describe('profitCurve', () => {
	// Gain per contacted churner 0.3 × 500 − 20 = 130; each non-churner costs 20.
	const economics = { valuePerRetained: 500, costPerContact: 20, successRate: 0.3 };
	const labels = [1, 0, 1, 0];
	const scores = [0.9, 0.8, 0.7, 0.1];

	test('profitCurve(…) has 101 thresholds 0 … 1 with hand-computed profits', () => {
		const curve = profitCurve(labels, scores, economics);
		expect(curve).toHaveLength(101);
		expect(curve[0]).toEqual({ threshold: 0, profit: 220, contacted: 4 });
		expect(curve[70]).toEqual({ threshold: 0.7, profit: 240, contacted: 3 });
		expect(curve[75]).toEqual({ threshold: 0.75, profit: 110, contacted: 2 });
		expect(curve[85]).toEqual({ threshold: 0.85, profit: 130, contacted: 1 });
		expect(curve[100]).toEqual({ threshold: 1, profit: 0, contacted: 0 });
	});

	test('profitAt(threshold > 1) contacts nobody and earns 0', () => {
		expect(profitAt(labels, scores, [1.01], economics)).toEqual([{ threshold: 1.01, profit: 0, contacted: 0 }]);
	});

	test('bestProfitThreshold(…) picks the highest threshold of the best profit', () => {
		expect(bestProfitThreshold(labels, scores, economics)).toEqual({ threshold: 0.7, profit: 240, contacted: 3 });
	});

	test('profitCurve(…, NaN cost) throws', () => {
		expect(() => profitCurve(labels, scores, { ...economics, costPerContact: NaN })).toThrow('invalid costPerContact: NaN');
	});
});

describe('multiclass metrics', () => {
	/** Rows of probabilities putting 0.8 on the given class, 0.1 on the others (k = 3). */
	const confident = (predicted: number[]) => Float64Array.from(predicted.flatMap((c) => [0, 1, 2].map((j) => (j === c ? 0.8 : 0.1))));

	test('macroF1(sklearn example) is 0.2667 and multiclassAccuracy is 1/3', () => {
		const yTrue = Int32Array.from([0, 1, 2, 0, 1, 2]);
		const probs = confident([0, 2, 1, 0, 0, 1]);
		expect(macroF1(yTrue, probs, 3)).toBeCloseTo(0.26666666666666666, 12);
		expect(multiclassAccuracy(yTrue, probs, 3)).toBeCloseTo(1 / 3, 12);
	});

	test('confusionMatrix(sklearn example, 3) has true classes as rows', () => {
		expect(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2], 3)).toEqual([
			[2, 0, 0],
			[0, 0, 1],
			[1, 0, 2]
		]);
	});

	test('multiLogLoss(two rows) is the mean −log p(true class)', () => {
		const probs = Float64Array.from([0.7, 0.2, 0.1, 0.25, 0.25, 0.5]);
		expect(multiLogLoss(Int32Array.from([0, 2]), probs, 3)).toBeCloseTo((-Math.log(0.7) - Math.log(0.5)) / 2, 12);
	});

	test('multiclassAccuracy(probs of the wrong size) throws', () => {
		expect(() => multiclassAccuracy(Int32Array.from([0, 1]), new Float64Array(5), 3)).toThrow('invalid probs');
	});
});
