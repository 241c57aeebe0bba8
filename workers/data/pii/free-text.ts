/** Personal data inside free text (reviews, notes, comments): e-mails, phones, IBANs, card numbers, NIRs. */
import { isCardNumber, isFrenchNir, isIban } from './checksums';
import { isPhone } from './contacts';
import type { PersonalDataKind } from './kinds';

/** One piece of personal data found in a text. */
export interface TextHit {
	kind: PersonalDataKind;
	start: number;
	end: number;
}

const EMAIL_IN_TEXT = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/gi;
const IBAN_IN_TEXT = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\b/g;
/** Runs of digits with separators: phones, cards and NIRs are told apart by their own tests. */
const NUMBER_RUN = /(?:\+|\b)\d(?:[\d\s.\-/]*\d)?(?:[AB](?:[\d\s]*\d)?)?\b/g;

/**
 * The personal data in `text`, left to right, not overlapping. A number run is tried whole and
 * then shortened word by word from the end, so "06 12 34 56 78 merci 2 fois" finds the phone.
 */
export function piiInText(text: string): TextHit[] {
	const hits: TextHit[] = [];
	const taken = (start: number, end: number) => hits.some((h) => start < h.end && end > h.start);
	for (const m of text.matchAll(EMAIL_IN_TEXT)) hits.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
	for (const m of text.matchAll(IBAN_IN_TEXT)) {
		const found = longestPrefix(m[0], isIban);
		if (found && !taken(m.index, m.index + found)) hits.push({ kind: 'iban', start: m.index, end: m.index + found });
	}
	for (const m of text.matchAll(NUMBER_RUN)) {
		if (taken(m.index, m.index + m[0].length)) continue;
		for (const [kind, test] of NUMBER_TESTS) {
			const found = longestPrefix(m[0], test);
			if (found) {
				hits.push({ kind, start: m.index, end: m.index + found });
				break;
			}
		}
	}
	return hits.sort((a, b) => a.start - b.start);
}

const NUMBER_TESTS: [PersonalDataKind, (v: string) => boolean][] = [
	['national_id', isFrenchNir],
	['card_number', isCardNumber],
	['phone', (v) => isPhone(v)]
];

/** Length of the longest prefix of `run`, cut at a space, that passes `test` (0 if none). */
function longestPrefix(run: string, test: (v: string) => boolean): number {
	let end = run.length;
	while (end > 0) {
		const candidate = run.slice(0, end).trimEnd();
		if (test(candidate)) return candidate.length;
		end = candidate.lastIndexOf(' ');
	}
	return 0;
}

/** "Rappelez-moi au 06 12 34 56 78" → true; "commande CMD-2024-00042 de 1 234,50 €" → false. */
export function textContainsPii(text: string): boolean {
	return piiInText(text).length > 0;
}
