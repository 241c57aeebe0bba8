/** Value tests for person names: first names from the list, full names and surnames. */
import { FIRST_NAMES } from './first-names';
import { fold } from './fold';

/** "Aïcha", "aicha", "JEAN-PIERRE" → true when the folded word is in the first-name list. */
export function isFirstName(word: string): boolean {
	const w = fold(word.trim());
	if (FIRST_NAMES.has(w)) return true;
	// "Jean-Pierre", "Nour-El-Houda": every part a first name.
	const parts = w.split('-');
	return parts.length > 1 && parts.every((p) => FIRST_NAMES.has(p));
}

/** Titles before a name, folded: "Mme Fatima Benali", "M. Jean Dupont", "Dr. Smith". */
const TITLES = new Set(['m', 'mr', 'mrs', 'ms', 'miss', 'mme', 'mlle', 'melle', 'monsieur', 'madame', 'mademoiselle', 'dr', 'pr', 'me', 'sir']);
/** Small words inside surnames: "de la Fontaine", "Ben Ali", "El Amrani", "van der Berg". */
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'da', 'di', 'del', 'van', 'von', 'der', 'den', 'ben', 'bin', 'bent', 'ibn', 'el', 'al', 'ait', 'ou', 'abou', 'abu', 'mac', 'st', 'ste', 'saint', 'sainte']);

/** A word written as a name is: "Dupont", "DUPONT", "O'Brien", "Ben-Ali", "d'Artagnan". */
const NAME_WORD = /^(?:[dl]')?\p{Lu}[\p{Ll}\p{Lu}'’-]*$/u;

/** The words of a value that could be a person's name, titles dropped; null if it cannot be one. */
function nameWords(value: string): string[] | null {
	const v = value.trim().replace(/\s+/g, ' ');
	if (!v || v.length > 60 || /[\d@/\\|:;!?()[\]{}=+*#%&_"]/.test(v)) return null;
	const words = v.split(/[ ,]+/).filter(Boolean);
	while (words.length && TITLES.has(fold(words[0]).replace(/\.$/, ''))) words.shift();
	if (!words.length || words.length > 5) return null;
	for (const w of words) {
		if (PARTICLES.has(fold(w))) continue;
		if (!NAME_WORD.test(w) || w.replace(/[^\p{L}]/gu, '').length < 2) return null;
	}
	return words;
}

/** "Jean Dupont", "DUPONT Jean", "Mme Fatima Benali" → true: 2–5 name words, one of them a first name, one not. */
export function isFullName(value: string): boolean {
	const words = nameWords(value);
	if (!words || words.length < 2) return false;
	const content = words.filter((w) => !PARTICLES.has(fold(w)));
	return content.length >= 2 && content.some(isFirstName);
}

/**
 * "Dupont", "Ben Ali", "de la Fontaine", "BENALI" → true: one capitalised word, or a few with
 * particles, as a surname is written. Many single words are written so too (cities, brands):
 * only a surname-like header makes a column of these a name column.
 */
export function looksLikeSurname(value: string): boolean {
	const words = nameWords(value);
	if (!words) return false;
	const content = words.filter((w) => !PARTICLES.has(fold(w)));
	return content.length >= 1 && content.length <= 2;
}
