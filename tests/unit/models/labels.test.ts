import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '$lib/i18n';
import { KINDS, MODEL_CATALOG } from '$models/catalog';
import { kindLabel, shownLabel } from '$models/labels';

afterEach(() => {
	locale.current = 'en';
});

describe('model labels in the interface language', () => {
	it('are the catalogue labels in English', () => {
		for (const kind of KINDS) expect(kindLabel(kind)).toBe(MODEL_CATALOG[kind].label);
		expect(shownLabel('Ensemble (Gradient-boosted trees + Logistic regression)')).toBe('Ensemble (Gradient-boosted trees + Logistic regression)');
	});

	it('translate each kind inside a stored label, the longest name first', () => {
		locale.current = 'fr';
		expect(shownLabel('Ensemble (Gradient-boosted trees + Logistic regression)')).toBe('Ensemble (Arbres boostés (gradient boosting) + Régression logistique)');
		expect(shownLabel('TF-IDF + logistic regression')).toBe('TF-IDF + régression logistique');
		expect(shownLabel('Random forest (imported)')).toBe('Forêt aléatoire (imported)');
		expect(new Set(KINDS.map(kindLabel)).size).toBe(KINDS.length);
	});
});
