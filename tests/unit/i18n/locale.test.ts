import { describe, expect, it } from 'vitest';
import { pickLocale } from '$lib/i18n';

describe('pickLocale', () => {
	it.each([
		[['fr-FR', 'en'], null, 'fr'],
		[['ar-DZ', 'fr-DZ', 'en'], null, 'fr'],
		[['ar-MA'], null, 'en'],
		[['en-US', 'fr'], null, 'en'],
		[[], null, 'en'],
		[['fr-TN'], 'en', 'en'],
		[['en'], 'fr', 'fr'],
		[['FR-be'], 'de', 'fr']
	] as const)('pickLocale(%j, %j) is %s', (languages, saved, expected) => {
		expect(pickLocale(languages, saved)).toBe(expected);
	});
});
