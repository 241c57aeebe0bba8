/**
 * A worker's language: the page sends its locale on start and on each
 * switch, and the worker's catalogues (its notes, errors and progress
 * words) read it from here. Plain modules only: the page's reactive locale
 * has no place in a worker.
 */
import { followLocale } from '../../src/lib/i18n/current';
import { LOCALES, type Locale } from '../../src/lib/i18n/locale-list';

export type { Locale };
export { messages } from '../../src/lib/i18n/messages';
export { formatBytes, formatCount } from '../../src/lib/i18n/format';

let spoken: Locale = 'en';

/**
 * Speaks `next` from now on (an unknown language leaves the current one).
 * The worker follows its own language only once told one, so a test that
 * runs an engine beside the page's catalogues keeps the page's.
 */
export function speak(next: string): void {
	if (!(LOCALES as readonly string[]).includes(next)) return;
	spoken = next as Locale;
	followLocale(() => spoken);
}
