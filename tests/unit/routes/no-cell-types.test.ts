/**
 * The page knows no cell type: the registry (`src/lib/cells`) says which cells
 * exist, their add-bar buttons, their defaults and what they do. A cell type
 * named in `src/routes` would be a second list to keep in step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CELL_DEFINITIONS } from '$lib/cells/definitions';

const ROUTES = join(process.cwd(), 'src/routes');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
	});
}

/**
 * Cell types written as string literals in `source`: '…', `…` and "…" (an
 * HTML attribute value such as `type="text"` names an input kind, not a cell).
 */
export function cellTypeLiterals(source: string, types: string[]): string[] {
	const found: string[] = [];
	for (const type of types) {
		const quoted = new RegExp(`(?<![\\w-]=)(['"\`])${type}\\1`, 'g');
		if (quoted.test(source)) found.push(type);
	}
	return found;
}

describe('src/routes names no cell type', () => {
	const types = Object.keys(CELL_DEFINITIONS);

	it('cellTypeLiterals(source) finds quoted types and skips HTML attribute values', () => {
		expect(cellTypeLiterals(`if (type === 'sql') add("churn"); x = \`markdown\``, types)).toEqual(['markdown', 'sql', 'churn']);
		expect(cellTypeLiterals('<input type="text" /> { type: \'saved\' } text/csv', types)).toEqual([]);
	});

	it.each(sourceFiles(ROUTES).map((path) => [relative(process.cwd(), path), path]))('%s names no cell type', (_name, path) => {
		expect(cellTypeLiterals(readFileSync(path, 'utf8'), types)).toEqual([]);
	});
});
