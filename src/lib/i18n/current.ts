/**
 * Where catalogues read the language from. On the page it is the reactive
 * `locale` (so texts follow a switch at once); in a worker, which has no
 * page state, it is the language the page last sent.
 */
import type { Locale } from './locale-list';

let read: () => Locale = () => 'en';

/** The language texts are read in now. */
export const currentLocale = (): Locale => read();

/** Makes `source` the language's origin (the page's reactive locale, or a worker's last known one). */
export function followLocale(source: () => Locale): void {
	read = source;
}
