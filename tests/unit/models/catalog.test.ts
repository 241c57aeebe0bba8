/** The model catalogue is the one list of kinds: registries, labels and derived lists agree with it. */
import { describe, expect, it } from 'vitest';
import { AUTO_KINDS, explainsEveryRow, isTabularKind, isTextKind, MODEL_CATALOG, TABULAR_BLEND_KIND, TABULAR_KINDS, TEXT_BLEND_KIND, TEXT_KINDS, usesEarlyStopping } from '$models/catalog';
import { MODELS } from '$models';
import { TEXT_MODELS, TEXT_MODEL_LABELS } from '$models/text';
import { BUDGET_SHARE, SEARCH_SPACES } from '$models/auto';

describe('MODEL_CATALOG', () => {
	it('is frozen, entries and their lists included', () => {
		expect(Object.isFrozen(MODEL_CATALOG)).toBe(true);
		expect(Object.isFrozen(MODEL_CATALOG.gbdt)).toBe(true);
		expect(Object.isFrozen(MODEL_CATALOG.gbdt.tasks)).toBe(true);
		expect(Object.isFrozen(TABULAR_KINDS)).toBe(true);
	});

	it('lists the registries\' kinds, with the registries\' labels', () => {
		expect([...TABULAR_KINDS]).toEqual(Object.keys(MODELS));
		expect([...TEXT_KINDS]).toEqual(Object.keys(TEXT_MODELS));
		for (const kind of TABULAR_KINDS) expect(MODELS[kind].label).toBe(MODEL_CATALOG[kind].label);
		for (const kind of TEXT_KINDS) expect(TEXT_MODELS[kind].label).toBe(TEXT_MODEL_LABELS[kind]);
		expect(TABULAR_BLEND_KIND).toBe('ensemble');
		expect(TEXT_BLEND_KIND).toBe('auto');
	});

	it('orders the automatic search as before: boosting first, the network last', () => {
		expect([...AUTO_KINDS]).toEqual(['gbdt', 'logistic', 'forest', 'mlp']);
		expect(Object.keys(SEARCH_SPACES).sort()).toEqual([...TABULAR_KINDS].sort());
		expect(BUDGET_SHARE).toEqual({ gbdt: 0.4, logistic: 0.1, forest: 0.25, mlp: 0.25 });
	});

	it('carries a search space for every searched kind and none for the others', () => {
		for (const kind of TABULAR_KINDS) {
			expect(SEARCH_SPACES[kind].first.length, kind).toBeGreaterThan(0);
			expect(SEARCH_SPACES[kind].maxTrials, kind).toBeGreaterThanOrEqual(SEARCH_SPACES[kind].first.length);
			const draw = SEARCH_SPACES[kind].sample(() => 0.5);
			for (const key of Object.keys(draw)) expect(Object.hasOwn(MODELS[kind].defaults, key), `${kind}.${key}`).toBe(true);
		}
		for (const [kind, entry] of Object.entries(MODEL_CATALOG)) expect(entry.search === null, kind).toBe(entry.searchOrder === null);
	});

	it.each([
		['gbdt', {}, false],
		['gbdt', { earlyStoppingRounds: 10 }, true],
		['mlp', {}, true],
		['forest', { earlyStoppingRounds: 10 }, false],
		['nonsense', {}, false]
	])('usesEarlyStopping(%s, %o) is %s', (kind, params, expected) => {
		expect(usesEarlyStopping(kind, params)).toBe(expected);
	});

	it('guards and reason rows follow the entries', () => {
		expect(isTabularKind('gbdt') && !isTabularKind('ensemble') && !isTabularKind('rnn')).toBe(true);
		expect(isTextKind('rnn') && !isTextKind('auto') && !isTextKind('gbdt')).toBe(true);
		expect(['gbdt', 'forest', 'logistic', 'mlp', 'ensemble'].filter(explainsEveryRow)).toEqual(['gbdt', 'forest', 'logistic']);
	});
});
