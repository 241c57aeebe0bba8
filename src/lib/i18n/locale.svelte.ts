/**
 * The interface language: the one the user picked (remembered in this
 * browser), else the first of the browser's languages that the workbench
 * speaks, else English. Every catalogue made by `messages()` reads it, so
 * texts follow it at once.
 */
import { followLocale } from './current';
import { LOCALES, type Locale } from './locale-list';
export { LOCALES, type Locale };

const KEY = 'crm.locale';

const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/**
 * The language to start in: `saved` when it is one of ours, else the first of
 * `languages` (the browser's, most wanted first: "fr-DZ", "ar", "en-US") whose
 * main part we speak, else English.
 * @example pickLocale(['ar-DZ', 'fr-DZ', 'en'], null) // 'fr'
 */
export function pickLocale(languages: readonly string[], saved: string | null): Locale {
	if (isLocale(saved)) return saved;
	for (const tag of languages) {
		const main = tag.toLowerCase().split('-')[0];
		if (isLocale(main)) return main;
	}
	return 'en';
}

class CurrentLocale {
	current = $state<Locale>('en');

	/** Starts in the saved or the browser's language (the page calls it once). */
	start(): void {
		this.current = pickLocale(globalThis.navigator?.languages ?? [], globalThis.localStorage?.getItem(KEY) ?? null);
	}

	/** The user's choice, remembered in this browser. */
	set(next: Locale): void {
		this.current = next;
		globalThis.localStorage?.setItem(KEY, next);
	}
}

export const locale = new CurrentLocale();
followLocale(() => locale.current);
