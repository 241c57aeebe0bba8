/** The languages the workbench speaks (plain module: workers import it too). */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
