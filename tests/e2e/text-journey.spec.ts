/**
 * Journey: sentiment on the fine-food review sample. Load the reviews, add a
 * text cell (review / score / split are guessed), train and compare a few
 * models (kept small for CI), open a misclassified review with highlighted
 * words, explain a sentence, score the table and average sentiment per
 * product in SQL. Then: scoring without labels, and clear messages for bad input.
 */
import { readFile } from 'node:fs/promises';
import { expect, loadFiles, runSql, startEmpty, test } from './fixtures';

// The review sample with its fixed train/test split (datasets/PROVENANCE.md).
const REVIEWS = 'datasets/small_fine_foods.split.csv';

test('reviews → text cell → train and compare → misclassified review with highlighted words → score → sentiment per product in SQL', async ({ page }) => {
	test.setTimeout(420_000);
	await startEmpty(page);
	await loadFiles(page, { name: 'reviews.csv', mimeType: 'text/csv', buffer: await readFile(REVIEWS) });
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('5,000 rows × 5 columns');

	await page.getByRole('button', { name: '+ Sentiment' }).click();
	const cell = page.locator('[data-cell-type="text"]');
	await expect(cell.getByRole('combobox', { name: 'Table', exact: true })).toHaveValue('reviews');
	await expect(cell.getByRole('combobox', { name: 'Text column' })).toHaveValue('review');
	await expect(cell.getByRole('combobox', { name: 'Label column' })).toHaveValue('score');
	await expect(cell.getByRole('combobox', { name: 'Split column' })).toHaveValue('split');
	await expect(cell.getByRole('combobox', { name: 'Positive label' })).toHaveValue('great');

	// Lexicon, TF-IDF and a small recurrent network: quick enough on two CPU cores.
	await cell.getByRole('checkbox', { name: 'Transformer encoder' }).uncheck();
	await cell.getByRole('checkbox', { name: 'Pretrained, fine-tuned' }).uncheck();
	await cell.getByText('Advanced').click();
	for (const [name, value] of [['Max tokens', '32'], ['Epochs', '1'], ['Vocabulary size', '2000']]) {
		await cell.getByRole('spinbutton', { name }).fill(value);
		await cell.getByRole('spinbutton', { name }).press('Tab');
	}
	await cell.getByRole('button', { name: 'Train and compare' }).click();
	await expect(cell.getByRole('button', { name: 'Cancel' })).toBeVisible();
	// The page keeps answering while the worker trains.
	await page.getByRole('button', { name: 'About & privacy' }).click();
	await expect(page.getByRole('dialog')).toBeVisible();
	await page.getByRole('button', { name: 'Close' }).click();

	const comparison = cell.getByRole('table', { name: 'Model comparison' });
	await expect(comparison).toBeVisible({ timeout: 360_000 });
	for (const model of ['Lexicon', 'TF-IDF + logistic regression', 'Recurrent network']) {
		await expect(comparison.getByRole('row', { name: new RegExp(model.replace(/[+()]/g, '\\$&')) }).first()).toContainText(/0\.\d{3}/);
	}
	await expect(comparison).toContainText('best');
	await expect(cell.getByTestId('text-summary')).toContainText('compared on 1,000 test texts');
	// The status bar names the backend the training started.
	await expect(page.getByRole('button', { name: /Compute: (wasm|webgl|webgpu|cpu)/i })).toBeVisible();

	// The best model's errors: confusion matrix and a misclassified review with its words highlighted.
	await expect(cell.getByRole('table', { name: 'Confusion matrix' })).toBeVisible();
	await cell.getByRole('button', { name: /^Open misclassified text 1:/ }).click();
	const highlighted = cell.getByTestId('highlighted-text');
	await expect(highlighted).toBeVisible({ timeout: 60_000 });
	expect(await highlighted.locator('mark').count()).toBeGreaterThan(0);
	await expect(cell.getByRole('figure', { name: 'Word contributions' })).toContainText('towards great');

	// Another model, its top words, and any sentence explained.
	await cell.getByRole('radio', { name: 'Use TF-IDF + logistic regression' }).check();
	await cell.getByRole('tab', { name: 'Top words' }).click();
	await expect(cell.getByRole('table', { name: 'towards great' })).toBeVisible();
	await cell.getByRole('tab', { name: 'Explain a text' }).click();
	await cell.getByRole('textbox', { name: 'Text to explain' }).fill('Delicious and fresh, my kids love these snacks!');
	await cell.getByRole('button', { name: 'Explain', exact: true }).click();
	await expect(cell.getByTestId('text-prediction')).toContainText('Predicted: great');
	expect(await cell.getByTestId('highlighted-text').locator('mark').count()).toBeGreaterThan(0);

	// Write the predictions back and use them in SQL.
	await cell.getByRole('button', { name: 'Score table' }).click();
	await expect(cell.getByTestId('text-scored')).toContainText('5,000 texts scored with TF-IDF + logistic regression into table reviews_sentiment', { timeout: 120_000 });
	const download = page.waitForEvent('download');
	await cell.getByRole('button', { name: 'Download CSV' }).click();
	const csv = await readFile((await (await download).path())!, 'utf8');
	expect(csv.split('\n')[0]).toContain('sentiment_label,sentiment_score');

	const sql = await runSql(page, 'SELECT product, avg(sentiment_score) AS mean_sentiment, count(*) AS reviews FROM reviews_sentiment GROUP BY product ORDER BY reviews DESC');
	await expect(sql.getByTestId('sql-summary')).toContainText('× 3 columns');
	await expect(sql.getByRole('grid')).toContainText('mean_sentiment');

	// Reload: the comparison, the fitted states (explanations) and the scored table come back without retraining.
	await page.reload();
	const again = page.locator('[data-cell-type="text"]');
	await expect(again.getByRole('table', { name: 'Model comparison' })).toBeVisible({ timeout: 60_000 });
	await expect(again.getByTestId('text-scored')).toContainText('into table reviews_sentiment', { timeout: 120_000 });
	await again.getByRole('button', { name: /^Open misclassified text 1:/ }).click();
	await expect(again.getByTestId('highlighted-text').locator('mark').first()).toBeVisible({ timeout: 60_000 });
	await expect(page.locator('[data-cell-type="sql"]').last().getByRole('grid')).toContainText('mean_sentiment');
	await again.getByRole('button', { name: 'Train and compare' }).click();
	await expect(again.getByText('Same table and settings as the kept result')).toBeVisible();
});

test('cancelling a text training stops it within a second and the cell stays usable', async ({ page }) => {
	await startEmpty(page);
	await loadFiles(page, { name: 'reviews.csv', mimeType: 'text/csv', buffer: await readFile(REVIEWS) });
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('5,000 rows × 5 columns');
	await page.getByRole('button', { name: '+ Sentiment' }).click();
	const cell = page.locator('[data-cell-type="text"]');
	await expect(cell.getByRole('combobox', { name: 'Label column' })).toHaveValue('score');
	await cell.getByRole('checkbox', { name: 'Lexicon' }).uncheck();
	await cell.getByRole('checkbox', { name: 'TF-IDF + logistic regression' }).uncheck();
	await cell.getByRole('button', { name: 'Train and compare' }).click();
	await expect(cell.getByRole('status').filter({ hasText: /Recurrent network/ })).toBeVisible({ timeout: 60_000 });
	await cell.getByRole('button', { name: 'Cancel' }).click();
	await expect(cell.getByText('Training cancelled.')).toBeVisible({ timeout: 1500 });
	await expect(cell.getByRole('button', { name: 'Train and compare' })).toBeEnabled();
	await expect(cell.getByRole('table', { name: 'Model comparison' })).toHaveCount(0);
});

test('no label column: lexicon and pretrained model side by side, one written back', async ({ page }) => {
	test.setTimeout(180_000);
	await startEmpty(page);
	const lines = [
		'client,commentaire',
		'C1,"Service excellent, je recommande vivement !"',
		'C2,"Livraison en retard et produit abîmé, très déçu."',
		'C3,"Great product, works perfectly and arrived early."',
		'C4,"Terrible support, I want a refund."',
		'C5,"Pas mal du tout, l\'équipe est très sympa."',
		'C6,"The worst purchase I have ever made."'
	];
	await loadFiles(page, { name: 'avis.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('6 rows × 2 columns');

	await page.getByRole('button', { name: '+ Sentiment' }).click();
	const cell = page.locator('[data-cell-type="text"]');
	await expect(cell.getByRole('combobox', { name: 'Text column' })).toHaveValue('commentaire');
	await expect(cell.getByRole('combobox', { name: 'Label column' })).toHaveValue('');
	// Half the reviews are French: the English-only models say so (the lexicon default stays VADER on mixed texts).
	await expect(cell.getByRole('combobox', { name: 'Lexicon', exact: true })).toHaveValue('vader');
	await expect(cell.getByTestId('language-warning').filter({ hasText: 'Pretrained model' })).toContainText('these texts look French: 3 of 6 sampled texts');
	await cell.getByRole('button', { name: 'Score without labels' }).click();

	const both = cell.getByRole('table', { name: 'The two models on this table' });
	await expect(both).toBeVisible({ timeout: 120_000 });
	await expect(both.getByRole('row')).toHaveCount(3);
	await expect(cell.getByTestId('text-agreement')).toContainText('They agree on');

	await cell.getByRole('radio', { name: 'Use Lexicon' }).check();
	await cell.getByRole('button', { name: 'Score table' }).click();
	await expect(cell.getByTestId('text-scored')).toContainText('6 texts scored with Lexicon into table avis_sentiment');
	const sql = await runSql(page, "SELECT client FROM avis_sentiment WHERE sentiment_label = 'positive' ORDER BY client");
	await expect(sql.getByRole('grid')).toContainText('C3');
});

test('French reviews: the French lexicon by default, a warning on the English-only models', async ({ page }) => {
	await startEmpty(page);
	const lines = [
		'client,avis',
		'C1,"Très bon produit, je le recommande."',
		'C2,"Le colis est arrivé en retard et abîmé."',
		'C3,"Service client injoignable, je suis déçu."',
		'C4,"Rien à redire, livraison rapide et soignée."'
	];
	await loadFiles(page, { name: 'avis_fr.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('4 rows × 2 columns');

	await page.getByRole('button', { name: '+ Sentiment' }).click();
	const cell = page.locator('[data-cell-type="text"]');
	await expect(cell.getByRole('combobox', { name: 'Text column' })).toHaveValue('avis');
	const lexicon = cell.getByRole('combobox', { name: 'Lexicon', exact: true });
	await expect(lexicon).toHaveValue('french');
	const warnings = cell.getByTestId('language-warning');
	await expect(warnings).toHaveCount(1);
	await expect(warnings).toContainText('Pretrained model: this model was trained on English text; these texts look French: all 4 sampled texts');
	await lexicon.selectOption('vader');
	await expect(warnings.filter({ hasText: 'VADER (English): this lexicon was made for English text' })).toBeVisible();
	await lexicon.selectOption('french');
	await expect(warnings).toHaveCount(1);
});

test('bad input gets specific messages: one label only, no text column', async ({ page }) => {
	await startEmpty(page);
	const oneLabel = ['message,label', ...Array.from({ length: 8 }, (_, i) => `"message number ${i} about my order",ok`)];
	await loadFiles(page, [
		{ name: 'tickets.csv', mimeType: 'text/csv', buffer: Buffer.from(oneLabel.join('\n') + '\n') },
		{ name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n3,4\n') }
	]);
	await expect(page.locator('[data-cell-type="data"]', { hasText: 'from numbers.csv' }).getByTestId('table-shape')).toHaveText('2 rows × 2 columns');

	await page.getByRole('button', { name: '+ Sentiment' }).click();
	const cell = page.locator('[data-cell-type="text"]');
	await cell.getByRole('combobox', { name: 'Table', exact: true }).selectOption('numbers');
	await expect(cell.getByRole('alert')).toContainText('This table has no column of text');

	await cell.getByRole('combobox', { name: 'Table', exact: true }).selectOption('tickets');
	await expect(cell.getByRole('combobox', { name: 'Text column' })).toHaveValue('message');
	await expect(cell.getByRole('combobox', { name: 'Label column' })).toHaveValue('');
	await cell.getByRole('combobox', { name: 'Label column' }).selectOption('label');
	await cell.getByRole('button', { name: 'Train and compare' }).click();
	await expect(cell.getByRole('alert')).toContainText('has only one value ("ok")');

	// A word list for the lexicon: a file without scores is refused in words, a good one is counted.
	await cell.getByRole('combobox', { name: 'Lexicon' }).selectOption('custom');
	const wordList = cell.getByLabel('Word list (CSV word,score)');
	await wordList.setInputFiles({ name: 'mots.txt', mimeType: 'text/plain', buffer: Buffer.from('formidable\nnul\n') });
	await expect(cell.getByRole('alert').filter({ hasText: 'word list' })).toContainText('no score column');
	await wordList.setInputFiles({ name: 'mots.csv', mimeType: 'text/csv', buffer: Buffer.from('mot;score\nformidable;3\nnul;-2,5\n') });
	await expect(cell.getByTestId('word-list')).toHaveText('mots.csv: 2 words');
});
