/**
 * Interface language: the current locale, typed message catalogues, and
 * number formatting. Imports nothing else of the workbench, so every folder
 * may use it.
 */
export { LOCALES, locale, pickLocale, type Locale } from './locale.svelte';
export { catalogueOf, messages, type CatalogueSource, type Translation, type Translations, type Widen } from './messages';
export { formatBytes, formatCount, formatDate, formatFixed, formatNumber, formatPercent, localeTag } from './format';
