/** Value tests for postal addresses and postcodes. */
import { fold } from './fold';
import { headerKind } from './headers';

/** Street words, EN and FR, folded: the thing an address names beside its number. */
const STREET_WORDS = new Set(
	`rue avenue av ave bd blvd boulevard chemin impasse allee place route cite lotissement quai square
residence hameau lieu-dit voie passage sentier faubourg fbg rte chaussee esplanade parvis promenade street st road rd
lane ln drive parkway pkwy crescent terrace highway hwy douar derb hay`.split(/\s+/)
);

/**
 * "12 rue des Lilas", "Cité 500 logements, bloc B", "221B Baker Street" → true: a street word and
 * a number (a house number, a block). "Place de la Concorde" (no number) and "REF 12A" (no street
 * word) → false.
 */
export function isAddress(value: string): boolean {
	const v = value.trim();
	if (v.length < 6 || v.length > 200 || !/\d/.test(v)) return false;
	const words = fold(v).split(/[^a-z0-9-]+/).filter(Boolean);
	const street = words.findIndex((w) => STREET_WORDS.has(w));
	// A street word and something after it (the name), and a letter word besides.
	return street >= 0 && words.length >= 3 && words.some((w, i) => i !== street && /[a-z]{2}/.test(w));
}

/**
 * Whether `value` is a postcode in a column named `header`: only a postcode-like header decides
 * (5 digits are also amounts, ids, counts). French 01000–98999 (Corsica 20xxx), Algerian and
 * Moroccan 5 digits, Tunisian 4; generic ones (UK "SW1A 1AA", NL "1012 AB", CA "K1A 0B1", US 5+4)
 * too. A numeric column has lost the leading 0 of "01000": 3 to 5 digits there.
 */
export function isPostcode(value: string, header: string, numericColumn = false): boolean {
	if (headerKind(header) !== 'postcode') return false;
	const v = value.trim().toUpperCase();
	if (/^\d{5}$/.test(v)) return Number(v) >= 1000 && Number(v) <= 98999;
	if (/^\d{4}$/.test(v)) return true;
	if (numericColumn && /^\d{3,5}$/.test(v)) return true;
	if (/^\d{5}-\d{4}$/.test(v)) return true;
	// Generic: 4 to 9 letters and digits with at most one space or dash, at least a digit and a letter.
	return /^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{2,5}[\s-]?[A-Z0-9]{2,4}$/.test(v);
}
