import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, locale } from '$lib/i18n';
import { formatBytes, formatMs, formatValue } from '$lib/ui/format';

afterEach(() => {
	locale.current = 'en';
});

describe('grid and status formats per interface language', () => {
	it('English: grouped numbers, ISO dates, B/kB/MB', () => {
		expect(formatValue(1234.5)).toBe('1,234.5');
		expect(formatValue('2024-03-14', 'DATE')).toBe('2024-03-14');
		expect(formatBytes(1_500_000)).toBe('1.5 MB');
		expect(formatMs(2400)).toBe('2.4 s');
	});

	it('French: narrow-space groups, decimal comma, day/month/year dates, o/ko/Mo', () => {
		locale.current = 'fr';
		expect(formatValue(1234.5)).toBe('1\u202f234,5');
		expect(formatValue('2024-03-14', 'DATE')).toBe('14/03/2024');
		expect(formatValue('2024-03-14T09:30:00', 'TIMESTAMP')).toBe('14/03/2024 09:30:00');
		expect(formatValue('not a date', 'DATE')).toBe('not a date');
		expect(formatValue('2024-03-14', 'VARCHAR')).toBe('2024-03-14');
		expect(formatBytes(1_500_000)).toBe('1,5 Mo');
		expect(formatMs(2400)).toBe('2,4 s');
		expect(formatDate(new Date(Date.UTC(2024, 0, 31)))).toBe('31/01/2024');
	});
});
