import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogueOf, locale, messages } from '$lib/i18n';

/** Every catalogue of the workbench: the shared one, the charts' and each cell's, and the few that live beside their code. */
const MODULES = import.meta.glob<Record<string, unknown>>(
	['/src/lib/**/messages.ts', '/src/routes/*-messages.ts', '/workers/data/import-notes.ts', '/workers/data/error-words.ts', '/workers/data/purchase-words.ts', '/workers/train/train-words.ts', '/models/shared/progress-words.ts', '/workers/data/readers/reader-notes.ts', '/src/lib/cells/segment-words.ts', '/src/lib/cells/demo.ts', '/models/labels.ts'],
	{ eager: true }
);
const CATALOGUES = Object.entries(MODULES).flatMap(([file, exports]) =>
	Object.entries(exports).flatMap(([name, value]) => {
		const source = catalogueOf(value);
		return source ? [{ name: `${file.replace(/^\//, '')} ${name}`, ...source }] : [];
	})
);

/** Paths (a.b.c) of every empty text in a table. */
function emptyTexts(table: unknown, path = ''): string[] {
	if (typeof table === 'string') return table.trim() ? [] : [path];
	if (Array.isArray(table)) return table.flatMap((t, i) => emptyTexts(t, `${path}[${i}]`));
	if (typeof table === 'object' && table !== null) return Object.entries(table).flatMap(([k, v]) => emptyTexts(v, path ? `${path}.${k}` : k));
	return [];
}

/** Paths of the keys of `english` that `translated` lacks (a text left in English). */
function missingKeys(english: unknown, translated: unknown, path = ''): string[] {
	if (typeof english !== 'object' || english === null || Array.isArray(english)) return [];
	return Object.entries(english).flatMap(([k, v]) => {
		const at = path ? `${path}.${k}` : k;
		const fr = (translated as Record<string, unknown> | undefined)?.[k];
		return fr === undefined ? [at] : missingKeys(v, fr, at);
	});
}

/** Paths of the keys of `translated` that `english` lacks. */
function unknownKeys(english: unknown, translated: unknown, path = ''): string[] {
	if (typeof translated !== 'object' || translated === null || Array.isArray(translated)) return [];
	return Object.entries(translated).flatMap(([k, v]) => {
		const at = path ? `${path}.${k}` : k;
		const en = (english as Record<string, unknown>)?.[k];
		return en === undefined ? [at] : unknownKeys(en, v, at);
	});
}

describe('messages(en, translations)', () => {
	afterEach(() => {
		locale.current = 'en';
	});

	const M = messages(
		{ train: 'Train', trainedOn: (n: number) => `Trained on ${n} customers`, modes: { auto: 'Automatic', gbdt: 'Boosted trees' } },
		{ fr: { train: 'Entraîner', modes: { auto: 'Automatique' } } }
	);

	it('reads English by default', () => {
		expect([M.train, M.trainedOn(3), M.modes.auto]).toEqual(['Train', 'Trained on 3 customers', 'Automatic']);
	});

	it('reads the current locale, falling back to English key by key, nested tables too', () => {
		locale.current = 'fr';
		expect([M.train, M.trainedOn(3), M.modes.auto, M.modes.gbdt]).toEqual(['Entraîner', 'Trained on 3 customers', 'Automatique', 'Boosted trees']);
		expect(Object.keys(M.modes)).toEqual(['auto', 'gbdt']);
	});

	it('types a translation by the English keys and shapes', () => {
		// @ts-expect-error a key English does not have
		messages({ train: 'Train' }, { fr: { trian: 'Entraîner' } });
		// @ts-expect-error a function must take the English arguments
		messages({ trainedOn: (n: number) => `${n}` }, { fr: { trainedOn: (n: string) => n } });
		expect(unknownKeys({ train: 'Train', modes: { auto: 'A' } }, { trian: 'x', modes: { atuo: 'y' } })).toEqual(['trian', 'modes.atuo']);
	});
});

describe('the catalogues', () => {
	it('are found: the shared one, the charts\' and each cell\'s', () => {
		const files = CATALOGUES.map((c) => c.name);
		expect(files).toContain('src/lib/ui/messages.ts MESSAGES');
		expect(files).toContain('src/lib/charts/messages.ts M');
		expect(files).toContain('src/routes/record-messages.ts R');
		expect(files).toContain('src/routes/file-messages.ts F');
		for (const cell of ['chart', 'churn', 'data', 'markdown', 'predict', 'profile', 'rfm', 'segments', 'sql', 'text']) {
			expect(files).toContain(`src/lib/cells/${cell}/messages.ts M`);
		}
	});

	it.each(CATALOGUES)('$name: no English text is empty', ({ en }) => {
		expect(emptyTexts(en)).toEqual([]);
	});

	it.each(CATALOGUES)('$name: every translation has English keys only', ({ en, translations }) => {
		for (const table of Object.values(translations)) expect(unknownKeys(en, table)).toEqual([]);
	});

	it.each(CATALOGUES)('$name: the French table has every English key', ({ en, translations }) => {
		expect(missingKeys(en, translations.fr)).toEqual([]);
	});
});

/** Every source file's text, except the catalogue files themselves (a key is used where it is read, not where it is written). */
function sourcesOutside(catalogueFiles: Set<string>): string {
	const root = join(import.meta.dirname, '../../..');
	const texts: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(join(root, dir))) {
			const path = `${dir}/${name}`;
			if (statSync(join(root, path)).isDirectory()) walk(path);
			else if (/\.(ts|svelte)$/.test(name) && !catalogueFiles.has(path)) texts.push(readFileSync(join(root, path), 'utf8'));
		}
	};
	['src', 'models', 'workers'].forEach(walk);
	return texts.join('\n');
}

describe('the catalogues have no unused key', () => {
	const pureCatalogues = new Set(CATALOGUES.map((c) => c.name.split(' ')[0]).filter((f) => /messages\.ts$/.test(f)));
	const haystack = sourcesOutside(pureCatalogues);

	// Top-level keys are read by name (`M.train`); nested tables are often read by a computed key (`M.levels[level]`),
	// and so is the whole table of model kinds' names (`KIND_LABELS[kind]`), whose keys are the catalogue's kinds.
	it.each(CATALOGUES.filter((c) => !c.name.endsWith(' KIND_LABELS')))('$name: every top-level key is read somewhere', ({ en }) => {
		const unused = Object.keys(en).filter((key) => !new RegExp(`[.?]${key}\\b|\\[['"]${key}['"]\\]`).test(haystack));
		expect(unused).toEqual([]);
	});
});
