import { describe, expect, it } from 'vitest';
import { isFirstName, isFullName, looksLikeSurname } from '$workers/data/pii';

describe('isFirstName(word)', () => {
	it.each(['Jean', 'marie', 'CAMILLE', 'Léa', 'Lea', 'Jean-Pierre', 'Mohamed', 'Mohammed', 'Muhammad', 'Aïcha', 'Aicha', 'Khadidja', 'Youcef', 'Djamel', 'Sofiane', 'Meriem', 'Zineb', 'Emna', 'Mathieu', 'Oliver', 'Emily'])(
		'isFirstName(%j) is true',
		(word) => expect(isFirstName(word)).toBe(true)
	);
	it.each(['Chaussure', 'Premium', 'Marseille', 'Dupont', 'SKU-8841', 'Oui', 'Non', 'Electronic'])('isFirstName(%j) is false', (word) => expect(isFirstName(word)).toBe(false));
});

describe('isFullName(value)', () => {
	it.each(['Jean Dupont', 'DUPONT Jean', 'Mme Fatima Benali', 'M. Yacine Ait Ahmed', 'Khadija El Idrissi', 'Ahmed Ben Salah', 'John Smith'])('isFullName(%j) is true', (value) =>
		expect(isFullName(value)).toBe(true)
	);
	it.each(['Chaussure Running Homme', 'T-shirt coton bio', 'Sac à dos urbain 20 L', 'Jean', 'Month-to-month', 'Electronic check', 'jean dupont', 'Jean Dupont 42'])(
		'isFullName(%j) is false',
		(value) => expect(isFullName(value)).toBe(false)
	);
});

describe('looksLikeSurname(value)', () => {
	it.each(['Dupont', 'BENALI', 'Ben Salah', 'de la Fontaine', "O'Brien"])('looksLikeSurname(%j) is true', (value) => expect(looksLikeSurname(value)).toBe(true));
	it.each(['sac à dos', 'SKU-8841', 'REF 12A', '1 234,50', 'Chaussure Running Homme'])('looksLikeSurname(%j) is false', (value) => expect(looksLikeSurname(value)).toBe(false));
});
