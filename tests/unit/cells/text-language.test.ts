import { describe, expect, it } from 'vitest';
import { detectLanguage, textLanguage } from '$lib/cells/text/language';

describe('text language', () => {
	it.each([
		['Service excellent, je recommande vivement !', 'fr'],
		['Livraison en retard et produit abîmé, très déçu.', 'fr'],
		["Pas mal du tout, l'équipe est très sympa.", 'fr'],
		['Le colis est arrivé cassé', 'fr'],
		['Déçu.', 'fr'],
		['Great product, works perfectly and arrived early.', 'en'],
		['Terrible support, I want a refund.', 'en'],
		['The worst purchase I have ever made.', 'en'],
		["It's not what I ordered", 'en'],
		['OK', null],
		['12345', null]
	] as const)('textLanguage(%j) is %s', (text, expected) => {
		expect(textLanguage(text)).toBe(expected);
	});

	const fr = ['Très bon produit, je suis ravi', 'Le service client ne répond pas', "C'est trop cher pour ce que c'est", 'Livraison rapide et soignée'];
	const en = ['Very good product, I love it', 'The customer service does not answer', 'It is too expensive for what it is', 'Fast delivery and well packed'];

	it.each([
		['French reviews', fr, 'fr'],
		['English reviews', en, 'en'],
		['half and half', [...fr.slice(0, 2), ...en.slice(0, 2)], 'mixed'],
		['mostly French with one English text', [...fr, en[0]], 'fr'],
		['no clue (codes, blanks)', ['A12', null, '', '42'], 'unknown']
	] as const)('detectLanguage(%s) is %s', (_, texts, expected) => {
		expect(detectLanguage([...texts]).language).toBe(expected);
	});

	it('detectLanguage(texts) counts the French texts and keeps one as an example', () => {
		expect(detectLanguage([en[0], fr[1], null, fr[2]])).toEqual({ language: 'mixed', french: 2, decided: 3, example: fr[1] });
	});
});
