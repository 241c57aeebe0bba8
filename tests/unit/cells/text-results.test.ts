import { describe, expect, it } from 'vitest';
import { agreement, classColumnNames, classCounts, misclassified, sentimentColumns, splitTerms, textPieces } from '$lib/cells/text/results';
import { labelProblem, MIN_PER_LABEL } from '$lib/cells/text/checks';

describe('text cell results', () => {
	it('misclassified(probabilities, labels, k) lists wrong rows, most confident first', () => {
		// rows: right, wrong (0.9), wrong (0.6), right
		const p = [0.2, 0.8, 0.9, 0.1, 0.4, 0.6, 0.7, 0.3];
		expect(misclassified(p, [1, 1, 0, 0], 2)).toEqual([
			{ index: 1, actual: 1, predicted: 0, probability: 0.9 },
			{ index: 2, actual: 0, predicted: 1, probability: 0.6 }
		]);
	});

	it('sentimentColumns(two classes) writes the label and the positive probability', () => {
		const cols = sentimentColumns(['other', 'great'], [0.3, 0.7, 0.9, 0.1], 2);
		expect(Object.keys(cols)).toEqual(['sentiment_label', 'sentiment_score']);
		expect(cols.sentiment_label).toEqual(['great', 'other']);
		expect(Array.from(cols.sentiment_score as Float64Array)).toEqual([0.7, 0.1]);
	});

	it('sentimentColumns(several classes) writes the predicted probability and one p_<class> each', () => {
		const cols = sentimentColumns(['1', '2 stars', 'Très bien'], [0.2, 0.5, 0.3, 0.6, 0.3, 0.1], 2);
		expect(Object.keys(cols)).toEqual(['sentiment_label', 'sentiment_score', 'p_1', 'p_2_stars', 'p_tres_bien']);
		expect(cols.sentiment_label).toEqual(['2 stars', '1']);
		expect(Array.from(cols.sentiment_score as Float64Array)).toEqual([0.5, 0.6]);
		expect(Array.from(cols.p_tres_bien as Float64Array)).toEqual([0.3, 0.1]);
	});

	it('classColumnNames(classes) keeps names unique and SQL-friendly', () => {
		expect(classColumnNames(['A b', 'a-b', '!!', 'إيجابي'])).toEqual(['p_a_b', 'p_a_b_2', 'p_class', 'p_إيجابي']);
	});

	it('classCounts and agreement count argmax classes', () => {
		const a = [0.9, 0.1, 0.2, 0.8, 0.6, 0.4];
		const b = [0.8, 0.2, 0.7, 0.3, 0.6, 0.4];
		expect(classCounts(['neg', 'pos'], a, 3)).toEqual([2, 1]);
		expect(agreement(a, b, 3, 2)).toBeCloseTo(2 / 3);
	});

	it('splitTerms(terms) separates terms for and against, strongest first', () => {
		const { towards, against } = splitTerms([
			{ term: 'good', weight: 1 },
			{ term: 'bad', weight: -2 },
			{ term: 'great', weight: 3 },
			{ term: 'meh', weight: 0 }
		]);
		expect(towards.map((t) => t.term)).toEqual(['great', 'good']);
		expect(against.map((t) => t.term)).toEqual(['bad']);
	});

	it('textPieces(text, tokens) cuts the text around weighted tokens and skips bad offsets', () => {
		const text = 'not good at all';
		const pieces = textPieces(text, [
			{ text: 'good', start: 4, end: 8, weight: -0.5 },
			{ text: 'not', start: 0, end: 3, weight: -0.2 },
			{ text: 'oops', start: 6, end: 9, weight: 1 },
			{ text: 'x', start: 14, end: 99, weight: 1 }
		]);
		expect(pieces).toEqual([
			{ text: 'not', weight: -0.2 },
			{ text: ' ', weight: null },
			{ text: 'good', weight: -0.5 },
			{ text: ' at all', weight: null }
		]);
		expect(pieces.map((p) => p.text).join('')).toBe(text);
	});

	it.each([
		[[], /is empty/],
		[[{ value: 'great', count: 10 }], /only one value \("great"\)/],
		[[{ value: 'great', count: 10 }, { value: 'other', count: MIN_PER_LABEL - 1 }], /"other" of "score" has only 4 rows/],
		[Array.from({ length: 51 }, (_, i) => ({ value: String(i), count: 10 })), /more than 50 different values/]
	])('labelProblem("score", %#) explains the problem', (values, message) => {
		expect(labelProblem('score', values)).toMatch(message);
	});

	it('labelProblem(column, values) is null for usable labels', () => {
		expect(labelProblem('score', [{ value: 'great', count: 2600 }, { value: 'other', count: 1400 }])).toBeNull();
	});
});
