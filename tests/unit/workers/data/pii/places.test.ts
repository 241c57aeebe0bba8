import { describe, expect, it } from 'vitest';
import { isAddress, isPostcode } from '$workers/data/pii';

describe('isAddress(value)', () => {
	it.each(['12 rue des Lilas', '5 bis avenue Jean Jaurès', '23 bd Haussmann', 'Cité 500 logements, bloc B n° 12', 'Lotissement 45, Bab Ezzouar', 'Hay Riad, rue 7 n° 3', '221B Baker Street', '10 Downing St'])(
		'isAddress(%j) is true',
		(value) => expect(isAddress(value)).toBe(true)
	);
	it.each(['Place de la Concorde', 'REF 12A', 'SKU-8841', 'CMD-2024-00042', 'Chaussettes lot de 3', 'Paris', '75011', 'Dr Martens 1460'])('isAddress(%j) is false', (value) =>
		expect(isAddress(value)).toBe(false)
	);
});

describe('isPostcode(value, header)', () => {
	it.each([
		['75011', 'code_postal'],
		['20000', 'cp'], // Ajaccio, Corsica
		['01000', 'code postal'],
		['16000', 'code_postal'], // Alger
		['1000', 'code_postal'], // Tunis: 4 digits
		['SW1A 1AA', 'postcode'],
		['1012 AB', 'zip'],
		['94103-1234', 'zip_code']
	])('isPostcode(%j, %j) is true', (value, header) => expect(isPostcode(value, header)).toBe(true));

	it.each([
		['75011', 'id_magasin'], // 5 digits without a postcode header: an id
		['75011', 'montant'],
		['42', 'pointure'],
		['99999', 'code_postal'], // past 98999
		['00500', 'code_postal'],
		['Paris', 'code_postal']
	])('isPostcode(%j, %j) is false', (value, header) => expect(isPostcode(value, header)).toBe(false));
});
