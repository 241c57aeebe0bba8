/**
 * Journey without a mouse: only the keyboard opens the demo, adds and runs a
 * SQL cell, trains a churn model, scores the customers and opens the top
 * alert. Every control is reached with Tab (or Shift+Tab) and used with
 * Enter, Space, arrows or typing, as a keyboard or switch user does; each
 * focused control must show a visible focus ring.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/**
 * Presses Tab until `target` has focus: Shift+Tab when it lies before the
 * focused element in the page, as a user would go back. Fails after `limit`.
 */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
	const handle = await target.elementHandle();
	const back = await page.evaluate(
		(el) => !!el && !!document.activeElement && document.activeElement !== document.body && !!(el.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING),
		handle
	);
	for (let i = 0; i < limit; i++) {
		if (await page.evaluate((el) => document.activeElement === el || (el?.contains(document.activeElement) ?? false), handle)) {
			// Keyboard focus must be visible: an outline or a box-shadow ring on the element or its
			// frame (a code editor rings its whole box, not the editable line).
			const ringShown = () => page.evaluate(() => {
				const ringed = (el: Element) => {
					const style = getComputedStyle(el);
					return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
				};
				const focused = document.activeElement!;
				return ringed(focused) || (focused.closest('.cm-editor') !== null && ringed(focused.closest('.cm-editor')!));
			});
			// The editor marks itself focused a moment after the focus event.
			await expect.poll(ringShown, { message: `focus ring on ${await target.evaluate((el) => el.outerHTML.slice(0, 80))}`, timeout: 2000 }).toBe(true);
			return;
		}
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	throw new Error(`Tab never reached ${target}`);
}

test('keyboard only: demo → SQL cell → churn model → scores → the top alert', async ({ page }) => {
	test.setTimeout(240_000);
	await page.goto('/');
	await tabTo(page, page.getByRole('button', { name: 'Open the churn demo' }));
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('7,043 rows × 20 columns');

	// A new SQL cell from the add-bar: focus lands on the new cell, Tab enters its editor.
	const sqlCells = page.locator('[data-cell-type="sql"]');
	const before = await sqlCells.count();
	await tabTo(page, page.getByRole('button', { name: '+ SQL' }));
	await page.keyboard.press('Enter');
	await expect(sqlCells).toHaveCount(before + 1);
	const sql = sqlCells.last();
	await expect(sql).toBeFocused();
	await tabTo(page, sql.getByRole('textbox', { name: 'SQL query' }));
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText('SELECT Contract, count(*) AS customers FROM wa_churn GROUP BY Contract ORDER BY customers DESC');
	await page.keyboard.press('Control+Enter');
	await expect(sql.getByTestId('sql-summary')).toContainText('3 rows × 2 columns');
	await expect(sql.getByRole('grid')).toContainText('Month-to-month');

	// The churn cell: logistic regression chosen with the arrow keys, a short budget typed, Train with Enter.
	const churn = page.locator('[data-cell-type="churn"]');
	const models = churn.getByRole('combobox', { name: 'Models' });
	await tabTo(page, models);
	for (let i = 0; i < 10 && (await models.inputValue()) !== 'logistic'; i++) await page.keyboard.press('ArrowDown');
	await expect(models).toHaveValue('logistic');
	await tabTo(page, churn.getByRole('spinbutton', { name: 'Time budget (s)' }));
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('5');
	await tabTo(page, churn.getByRole('button', { name: 'Train' }));
	await page.keyboard.press('Enter');
	await expect(churn.getByRole('table', { name: 'Leaderboard' })).toBeVisible({ timeout: 120_000 });

	// Score the demo's customers, then open the customer at the top of the alerts.
	await tabTo(page, churn.getByRole('button', { name: 'Score', exact: true }));
	await page.keyboard.press('Enter');
	await expect(churn.getByTestId('score-summary')).toContainText('7,043 customers scored', { timeout: 60_000 });
	const top = churn.getByRole('list', { name: 'Customers at risk' }).getByRole('listitem').first();
	await expect(top).toContainText(/\d/);
	await tabTo(page, top.getByRole('button'));
	await page.keyboard.press('Enter');
	await expect(churn.getByRole('list', { name: 'Reasons' }).getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
	await expectAccessible(page, 'keyboard journey: the top alert opened');
});
