/**
 * The accessibility check every journey runs: axe-core (WCAG 2.1 A and AA
 * rules) on the screen as it is, in both interface languages and both
 * themes, failing on any serious or critical violation. The language and
 * theme are switched the way a user does (the header's picker and toggle)
 * and put back, so the journey carries on where it was.
 */
import { appendFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** A11Y_REPORT=<file> lists findings there (one JSON line each) instead of failing: to survey every screen in one run. */
const REPORT = process.env.A11Y_REPORT;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

export interface Finding {
	screen: string;
	rule: string;
	impact: string;
	targets: string[];
	summary: string;
}

/** Serious and critical findings on the screen as it is now. */
export async function axeFindings(page: Page, screen: string): Promise<Finding[]> {
	// CodeMirror's completion list is driven from the editor (arrow keys, aria-activedescendant), never
	// focused itself: axe's scrollable-region rule cannot see that, so the transient list is left out.
	const result = await new AxeBuilder({ page }).withTags(TAGS).exclude('.cm-tooltip-autocomplete').analyze();
	return result.violations
		.filter((v) => BLOCKING.has(v.impact ?? ''))
		.map((v) => ({
			screen,
			rule: v.id,
			impact: v.impact ?? '',
			targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
			summary: v.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? v.help
		}));
}

const languageOf = (page: Page) => page.locator('html').getAttribute('lang');
const isDark = (page: Page) => page.locator('html').evaluate((html) => html.dataset.theme === 'dark');

async function setLanguage(page: Page, lang: string) {
	// Programmatic events: they reach the header under an open modal dialog too.
	await page.getByTestId('language-picker').selectOption(lang, { force: true });
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function setDark(page: Page, dark: boolean) {
	if ((await isDark(page)) === dark) return;
	await page.getByTestId('theme-toggle').dispatchEvent('click');
	await expect(page.locator('html')).toHaveAttribute('data-theme', dark ? 'dark' : 'light');
}

/**
 * Checks the current screen in English and French, light and dark, and puts
 * back the language and theme it found. Focus moves to the header while
 * switching; journeys that care about focus check before calling this.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
	const lang = (await languageOf(page)) ?? 'en';
	const dark = await isDark(page);
	const findings: Finding[] = [];
	for (const l of [lang, lang === 'fr' ? 'en' : 'fr']) {
		await setLanguage(page, l);
		for (const d of [dark, !dark]) {
			await setDark(page, d);
			findings.push(...(await axeFindings(page, `${screen} (${l}, ${d ? 'dark' : 'light'})`)));
		}
	}
	await setLanguage(page, lang);
	await setDark(page, dark);
	if (REPORT) return findings.forEach((f) => appendFileSync(REPORT, JSON.stringify(f) + '\n'));
	expect(findings, `serious or critical accessibility violations on ${screen}`).toEqual([]);
}
