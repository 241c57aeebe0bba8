import { describe, expect, it } from 'vitest';
import { guessTextColumn, isLabelCount, isTrainTestSplit, labelCandidates, proseStats, splitCandidates } from '$lib/cells/text/guess';

describe('text cell column guesses', () => {
	const reviews = [
		{ name: 'product', type: 'VARCHAR', values: ['B000J0LSBG', 'B000EYLDYE', 'B0026LIO9A'] },
		{ name: 'title', type: 'VARCHAR', values: ['Great', 'Not good at all', 'Ok'] },
		{ name: 'review', type: 'VARCHAR', values: ['this stuff is not stuffing, save your money', 'I absolutely LOVE this dried fruit.<br />Kids love it too', null] },
		{ name: 'stars', type: 'BIGINT', values: ['5', '1', '3'] }
	];

	it('guessTextColumn(columns) picks the longest prose column, not ids or short titles', () => {
		expect(guessTextColumn(reviews)).toBe('review');
	});

	it('guessTextColumn(columns) falls back to a text-like name, else ""', () => {
		expect(guessTextColumn([{ name: 'message', type: 'VARCHAR', values: ['hi', 'ok'] }])).toBe('message');
		expect(guessTextColumn([{ name: 'code', type: 'VARCHAR', values: ['A1', 'B2'] }, { name: 'n', type: 'DOUBLE', values: ['1'] }])).toBe('');
	});

	it('proseStats(values) ignores missing and blank values', () => {
		expect(proseStats([null, '  ', 'two words'])).toEqual({ meanLength: 9, spaced: 1 });
		expect(proseStats([null])).toEqual({ meanLength: 0, spaced: 0 });
	});

	it.each([
		[['product', 'review', 'score', 'package_split', 'split'], ['review', 'split'], ['score']],
		[['texte', 'note', 'avis_client'], ['texte'], ['note']],
		[['comment', 'customer_rating', 'id'], ['comment'], ['customer_rating']],
		[['message', 'intent'], ['message'], ['intent']],
		[['message', 'id'], ['message'], []]
	])('labelCandidates(%j) excluding %j → %j', (names, exclude, expected) => {
		expect(labelCandidates(names, exclude)).toEqual(expected);
	});

	it('isLabelCount(k) accepts 2 to 50 values', () => {
		expect([1, 2, 5, 50, 51].map(isLabelCount)).toEqual([false, true, true, true, false]);
	});

	it('splitCandidates(names) puts the plain "split" first', () => {
		expect(splitCandidates(['package_split', 'review', 'split'])).toEqual(['split', 'package_split']);
	});

	it('isTrainTestSplit(values) needs exactly train and test', () => {
		expect(isTrainTestSplit(['train', 'Test'])).toBe(true);
		expect(isTrainTestSplit(['train'])).toBe(false);
		expect(isTrainTestSplit(['train', 'test', 'valid'])).toBe(false);
	});
});
