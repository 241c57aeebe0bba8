/**
 * Journey: a purchase log where most customers bought once → RFM cell →
 * equal customers share scores and segment (checked in SQL) → mean recency,
 * purchases and spend per segment → k-means alternative → reload → the
 * k-means result is back without clustering again; another date marks it stale.
 */
import { cohortLogCsv } from '../shared/cohort-log';
import { expect, loadFiles, runSql, startEmpty, test } from './fixtures';

test('a log of mostly one-purchase customers → RFM → equal customers, equal segment → k-means kept across a reload', async ({ page }) => {
	test.setTimeout(180_000);
	await startEmpty(page);
	await loadFiles(page, { name: 'cohort.csv', mimeType: 'text/csv', buffer: Buffer.from(cohortLogCsv(1000)) });
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toContainText('× 3 columns');

	await page.getByRole('button', { name: '+ RFM' }).click();
	const cell = page.locator('[data-cell-type="rfm"]');
	await expect(cell.getByTestId('rfm-summary')).toContainText('1,000 customers scored as of 1998-07-01');
	const segments = cell.getByRole('table', { name: 'RFM segments' });
	for (const header of ['Mean recency (days)', 'Mean purchases', 'Mean spent']) await expect(segments.getByRole('columnheader', { name: header })).toBeVisible();
	// Champions: the most recent fifth, so a mean recency well under the 141 days of the R = 5 cut-off here.
	const champions = segments.getByRole('row', { name: /^Champions/ });
	await expect(champions.getByRole('cell').nth(1)).toHaveText(/^\d{1,2}$/);

	// Every group of customers with equal recency, frequency and spend has one score and one segment;
	// the one-purchase customers all share F = 1.
	const ties = await runSql(
		page,
		`SELECT (SELECT count(*) FROM (SELECT recency_days, frequency, monetary FROM cohort_rfm GROUP BY ALL
		   HAVING count(DISTINCT rfm_score) > 1 OR count(DISTINCT segment) > 1)) AS split_groups,
		 (SELECT string_agg(DISTINCT f_score::VARCHAR) FROM cohort_rfm WHERE frequency = 1) AS one_purchase_f`
	);
	await expect(ties.getByTestId('sql-summary')).toContainText('× 2 columns');
	await expect(ties.getByRole('grid').getByRole('row').nth(1).getByRole('gridcell')).toHaveText(['0', '1']);

	await cell.getByRole('button', { name: 'Alternative: k-means on log R, F, M' }).click();
	const reason = cell.getByTestId('rfm-kmeans');
	await expect(reason).toContainText('silhouette', { timeout: 60_000 });
	const shown = await reason.textContent();
	const clusterRows = await cell.getByRole('table', { name: 'k-means segments on log-scaled RFM' }).getByRole('row').count();
	expect(clusterRows).toBeGreaterThan(2);

	const LOG_VIEWS = `SELECT count(*) AS log_views FROM duckdb_views() WHERE view_name = 'cohort_rfm_log'`;
	const before = await runSql(page, LOG_VIEWS);
	await expect(before.getByRole('grid').getByRole('row').nth(1).getByRole('gridcell')).toHaveText(['1']);

	// Reload: the rules re-run from SQL, the k-means result comes from the kept copy.
	await page.reload();
	const again = page.locator('[data-cell-type="rfm"]');
	await expect(again.getByTestId('rfm-summary')).toContainText('1,000 customers scored');
	await expect(again.getByTestId('rfm-kmeans')).toHaveText(shown!);
	await expect(again.getByRole('table', { name: 'k-means segments on log-scaled RFM' }).getByRole('row')).toHaveCount(clusterRows);
	await expect(again.getByRole('note')).toHaveCount(0); // not stale
	// Clustering writes the view cohort_rfm_log first; after the reload nothing has clustered, so it is not there.
	const views = await runSql(page, LOG_VIEWS);
	await expect(views.getByRole('grid').getByRole('row').nth(1).getByRole('gridcell')).toHaveText(['0']);
	// Asking again with nothing changed shows the kept result at once.
	await again.getByRole('button', { name: 'Alternative: k-means on log R, F, M' }).click();
	await expect(again.getByTestId('rfm-kmeans')).toHaveText(shown!);
	await expect(again.getByRole('note')).toHaveCount(0);

	// Another reference date makes another RFM table: the kept clustering is shown as stale.
	await again.getByLabel('As of').fill('1998-06-01');
	await expect(again.getByTestId('rfm-summary')).toContainText('as of 1998-06-01');
	await expect(again.getByRole('note')).toContainText('changed since this k-means result');
});
