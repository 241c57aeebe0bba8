import { expect, test } from 'vitest';
import { formatCount, formatFixed, formatNumber, formatPercent } from '$lib/i18n';

const NNBSP = '\u202f';

test.each([
	[1234.56, '1,234.6'],
	[1234, '1,234'],
	[12.3456, '12.3'],
	[0.012345, '0.0123'],
	[-5.5, '-5.5'],
	[0, '0'],
	[1e20, '1.00e+20'],
	[0.00001234, '1.23e-5'],
	[Number.NaN, '–'],
	[null, '–']
])('formatNumber(%s) is %s', (value, text) => {
	expect(formatNumber(value)).toBe(text);
});

test.each([
	[0, `0${NNBSP}%`],
	[0.01, `0.1${NNBSP}%`],
	[4.25, `4.3${NNBSP}%`],
	[52.6, `53${NNBSP}%`],
	[99.8, `99${NNBSP}%`],
	[100, `100${NNBSP}%`]
])('formatPercent(%s) is %s', (pct, text) => {
	expect(formatPercent(pct)).toBe(text);
});

test('formatCount(7043) groups thousands as the rest of the interface does', () => {
	expect(formatCount(7043)).toBe('7,043');
});

test.each([
	[1234.5, 2, '1,234.50'],
	[1, 1, '1.0'],
	[160.6, 0, '161'],
	[Number.NaN, 1, '–']
])('formatFixed(%s, %s) is %s', (value, digits, text) => {
	expect(formatFixed(value, digits)).toBe(text);
});
