import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '$lib/cells/markdown/render';

describe('renderMarkdown', () => {
	it('renderMarkdown(text) renders headings, emphasis and code', () => {
		const html = renderMarkdown('# Churn\n\nSome **bold** and `SELECT 1`.');
		expect(html).toContain('<h1>Churn</h1>');
		expect(html).toContain('<strong>bold</strong>');
		expect(html).toContain('<code>SELECT 1</code>');
	});

	it.each([
		['<script>alert(1)</script>', '<script>'],
		['<img src=x onerror="alert(1)">', '<img'],
		['[click](javascript:alert(1))', 'href="javascript:'],
		['![logo](https://example.com/logo.png)', 'src="https://example.com']
	])('renderMarkdown(%s) never emits executable or remote HTML', (source, forbidden) => {
		expect(renderMarkdown(source)).not.toContain(forbidden);
	});

	it('renderMarkdown(link) opens links in a new tab without referrer', () => {
		expect(renderMarkdown('[docs](https://duckdb.org)')).toContain('rel="noopener noreferrer"');
	});
});
