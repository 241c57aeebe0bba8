/**
 * Typed message catalogues. Each owner (a cell folder, the shared UI, the
 * charts) writes its English texts once and may add a table per language:
 *
 * ```ts
 * export const M = messages(
 *   { train: 'Train', trainedOn: (n: number) => `Trained on ${n} customers` },
 *   { fr: { train: 'Entraîner' } }
 * );
 * M.train; // the current locale's text, English where the table has none
 * ```
 *
 * A translation has the English keys only (a typo or a removed key fails the
 * type check) and the same shapes: functions take the same arguments.
 */
import { currentLocale } from './current';
import type { Locale } from './locale-list';

/** `T` with its literal strings widened, so a translation may say something else. */
export type Widen<T> = T extends string
	? string
	: T extends (...args: infer A) => infer R
		? (...args: A) => Widen<R>
		: T extends readonly (infer E)[]
			? readonly Widen<E>[]
			: T extends object
				? { readonly [K in keyof T]: Widen<T[K]> }
				: T;

/** A translation of catalogue `C`: its keys, each optional until the language is complete. */
export type Translation<C> = {
	readonly [K in keyof C]?: C[K] extends string | readonly unknown[] | ((...args: never[]) => unknown) ? Widen<C[K]> : Translation<C[K]>;
};

/** One translation per language other than English. */
export type Translations<C> = { readonly [L in Exclude<Locale, 'en'>]?: Translation<C> };

/** What `catalogueOf` returns: the English texts and the translations behind a catalogue. */
export interface CatalogueSource {
	en: object;
	translations: Partial<Record<Exclude<Locale, 'en'>, object>>;
}

const SOURCE = Symbol('catalogue source');

/** A catalogue: reads give the current locale's text, falling back to English key by key. */
export function messages<const C extends object>(en: C, translations: Translations<C> = {}): C {
	const source: CatalogueSource = { en, translations: translations as CatalogueSource['translations'] };
	return localised(
		en,
		() => {
			const current = currentLocale();
			return current === 'en' ? undefined : (translations[current] as object | undefined);
		},
		source
	);
}

/** The English texts and translations behind a catalogue made by `messages()` (for tests), or null. */
export function catalogueOf(catalogue: unknown): CatalogueSource | null {
	return isTable(catalogue) ? ((catalogue as Record<symbol, CatalogueSource | undefined>)[SOURCE] ?? null) : null;
}

function localised<C extends object>(en: C, translated: () => object | undefined, source: CatalogueSource | null): C {
	const tables = new Map<PropertyKey, unknown>();
	return new Proxy(en, {
		get(target, key) {
			if (key === SOURCE) return source;
			const english = Reflect.get(target, key);
			if (isTable(english)) {
				// A nested table (e.g. `M.modes`) reads its translation under the same key.
				if (!tables.has(key)) tables.set(key, localised(english, () => pick(translated(), key) as object | undefined, null));
				return tables.get(key);
			}
			return pick(translated(), key) ?? english;
		}
	});
}

function pick(table: object | undefined, key: PropertyKey): unknown {
	return table === undefined ? undefined : Reflect.get(table, key);
}

function isTable(value: unknown): value is object {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
