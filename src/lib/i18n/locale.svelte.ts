/**
 * The interface language. English until a language picker sets another;
 * every catalogue made by `messages()` reads it, so texts follow it.
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

class CurrentLocale {
	current = $state<Locale>('en');
}

export const locale = new CurrentLocale();
