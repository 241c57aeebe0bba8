/**
 * Chart ticks and legends in the interface's language. Plot formats a linear
 * axis with d3-format's default locale (English: "1,500.5"); it is set here
 * before each chart is drawn, so French charts read "1 500,5" as the tables do.
 */
import { formatDefaultLocale, type FormatLocaleDefinition } from 'd3-format';

const LOCALES: Record<string, FormatLocaleDefinition> = {
	'en-US': { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '\u2212' },
	// A narrow no-break space groups thousands, as Intl does for fr-FR.
	'fr-FR': { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u00a0€'], minus: '\u2212', percent: '\u202f%' }
};

let current = 'en-US';

/** Makes `tag` ("en-US", "fr-FR") the default number format of the charts drawn next. */
export function useChartLocale(tag: string): void {
	if (tag === current || !LOCALES[tag]) return;
	formatDefaultLocale(LOCALES[tag]);
	current = tag;
}
