/**
 * Personal data in one column, decided from its values first and its header second: a header
 * alone (`nom` over product names) flags nothing, values alone flag with less confidence than
 * values and header together. Kinds a header must confirm (postcodes, surnames) say so.
 */
import { kindOf } from '../profile-flags';
import { isCardNumber, isFrenchNir, isIban } from './checksums';
import { isEmail, isIpAddress, isPhone } from './contacts';
import { ageSpread, parseBirthYear, parseDate } from './dates';
import { piiInText } from './free-text';
import { headerKind, isEventDateHeader, isSurnameHeader, namesOtherThing } from './headers';
import type { PersonalDataFlag, PersonalDataKind, SampledColumn } from './kinds';
import { maskValue } from './mask';
import { isFirstName, isFullName, looksLikeSurname } from './names';
import { isAddress, isPostcode } from './places';

/** At most this many values are read: the sample the profile takes. */
const MAX_VALUES = 500;
/** Values-only detection needs this many matching values: three e-mails in a column of four say little. */
const MIN_MATCHES = 3;

/**
 * Birth dates without a birth header must spread over this many years (10th to 90th percentile):
 * customers' ages do (18 to 90), a transaction log's dates seldom do.
 */
const MIN_AGE_SPREAD = 20;

/** Options of `detectPersonalData`: `today` dates the ages of birth dates (tests pass a fixed day). */
export interface DetectOptions {
	today?: Date;
}

/** What one test saw: the kind, the matching values and how much to trust it. */
interface Finding {
	kind: PersonalDataKind;
	matches: string[];
	share: number;
	confidence: number;
	what: string;
}

/**
 * The personal data a column holds, or null. `values` are its distinct non-missing values as
 * text (up to ~500); `type` its DuckDB type.
 *
 * @example detectPersonalData({ name: 'courriel', type: 'VARCHAR', values: ['jean@exemple.fr', …] })
 *   → { kind: 'email', confidence: 0.99, examples: ['j***@e***.fr', …], reason: '100 % of 200 sampled values are e-mail addresses; header \'courriel\' agrees.' }
 */
export function detectPersonalData(column: SampledColumn, options: DetectOptions = {}): PersonalDataFlag | null {
	const values = column.values
		.slice(0, MAX_VALUES)
		.map((v) => v.trim())
		.filter((v) => v !== '');
	if (!values.length) return null;
	const header = headerKind(column.name);
	const type = typeGroup(column.type);
	if (type === 'other') return null;
	const otherThing = namesOtherThing(column.name);
	const findings = [
		...valueFindings(values, header, type, otherThing),
		...(otherThing ? [] : nameFindings(values, header, type, isSurnameHeader(column.name), column.distinctRatio)),
		birthDateFinding(values, column.name, header, type, options.today ?? new Date()),
		postcodeFinding(values, column.name, type),
		freeTextFinding(values, type)
	].filter((f): f is Finding => f !== null);
	if (!findings.length) return null;
	const best = findings.reduce((a, b) => (b.confidence > a.confidence ? b : a));
	return {
		kind: best.kind,
		confidence: Number(best.confidence.toFixed(2)),
		examples: examplesOf(best),
		reason: reasonOf(best, values.length, column.name, header)
	};
}

type TypeGroup = 'text' | 'integer' | 'number' | 'date' | 'other';

/** The profile's kind of a DuckDB type, with integers apart: they may be phones or postcodes that lost a leading 0. */
function typeGroup(type: string): TypeGroup {
	const kind = kindOf(type);
	if (kind === 'numeric') return /INT/i.test(type) ? 'integer' : 'number';
	if (kind === 'temporal') return 'date';
	return kind === 'text' ? 'text' : 'other';
}

/** Kinds whose values say it all, with the share that convinces alone and with an agreeing header. */
const VALUE_TESTS: { kind: PersonalDataKind; what: string; test: (v: string, header: PersonalDataKind | null) => boolean; base: number; numeric: boolean }[] = [
	{ kind: 'email', what: 'e-mail addresses', test: isEmail, base: 0.5, numeric: false },
	{ kind: 'iban', what: 'IBANs with a valid mod-97 key', test: isIban, base: 0.6, numeric: false },
	{ kind: 'national_id', what: 'French NIRs with a valid key', test: isFrenchNir, base: 0.6, numeric: true },
	{ kind: 'card_number', what: 'card numbers with a valid Luhn digit', test: isCardNumber, base: 0.55, numeric: true },
	{ kind: 'ip_address', what: 'IP addresses', test: isIpAddress, base: 0.5, numeric: false },
	{ kind: 'phone', what: 'phone numbers', test: (v, header) => isPhone(v, header === 'phone'), base: 0.45, numeric: false },
	{ kind: 'address', what: 'street addresses (a street word and a number)', test: isAddress, base: 0.35, numeric: false }
];

/** Kinds whose values alone are weak evidence: a header naming another thing (`montant`, `nom_produit`) overrules them. */
const WEAK_KINDS: PersonalDataKind[] = ['phone', 'address'];

/** "25 000 000", "1.500.000": thousands-grouped round amounts, which group like Tunisian numbers (XX XXX XXX). */
const ROUND_AMOUNT = /^\d{1,3}(?:[\s.]\d{3})*[\s.]000$/;

function valueFindings(values: string[], header: PersonalDataKind | null, type: TypeGroup, otherThing: boolean): Finding[] {
	const findings: Finding[] = [];
	for (const t of VALUE_TESTS) {
		if (type === 'date' || ((type === 'integer' || type === 'number') && !t.numeric)) continue;
		if (otherThing && WEAK_KINDS.includes(t.kind)) continue;
		const matches = values.filter((v) => t.test(v, header) && !(t.kind === 'phone' && header !== 'phone' && ROUND_AMOUNT.test(v)));
		const agrees = header === t.kind;
		const needed = t.kind === 'address' ? (agrees ? 0.4 : 0.6) : agrees ? 0.5 : 0.8;
		const share = matches.length / values.length;
		if (share < needed || (!agrees && matches.length < MIN_MATCHES)) continue;
		findings.push({ kind: t.kind, matches, share, confidence: score(t.base, share, agrees), what: t.what });
	}
	// An integer column has lost the 0 of "0612345678": with a phone header, 9 digits are a national number.
	if (header === 'phone' && type === 'integer') {
		const matches = values.filter((v) => /^[1-9]\d{8}$/.test(v) && isPhone(`0${v}`)).map((v) => `0${v}`);
		const share = matches.length / values.length;
		if (share >= 0.8) findings.push({ kind: 'phone', matches, share, confidence: score(0.4, share, true), what: 'national phone numbers stored as integers (leading 0 lost)' });
	}
	return findings;
}

/** Confidence: `base` for any evidence, up to +0.45 for the share of values, +0.1 when the header agrees. */
function score(base: number, share: number, headerAgrees: boolean): number {
	return Math.min(0.99, base + 0.45 * share + (headerAgrees ? 0.1 : 0));
}

/**
 * Person names: full names ("Jean Dupont", "DUPONT Jean") and first names from the list are
 * seen in the values; surnames only under a surname header (`nom`, `last_name`: single capitalised
 * words are also cities, brands, companies, product lines), and not when few distinct values
 * repeat (a category).
 */
function nameFindings(values: string[], header: PersonalDataKind | null, type: TypeGroup, surnameHeader: boolean, distinctRatio?: number): Finding[] {
	if (type !== 'text') return [];
	const agrees = header === 'person_name';
	const findings: Finding[] = [];
	const full = values.filter(isFullName);
	const fullShare = full.length / values.length;
	if (full.length >= MIN_MATCHES && fullShare >= (agrees ? 0.4 : 0.6)) {
		findings.push({ kind: 'person_name', matches: full, share: fullShare, confidence: score(0.4, fullShare, agrees), what: 'full names with a known first name' });
	}
	const first = values.filter((v) => !/\s/.test(v) && isFirstName(v) && /^\p{Lu}/u.test(v));
	const firstShare = first.length / values.length;
	if (first.length >= (agrees ? MIN_MATCHES : 5) && firstShare >= (agrees ? 0.4 : 0.7)) {
		findings.push({ kind: 'person_name', matches: first, share: firstShare, confidence: score(0.35, firstShare, agrees), what: 'known first names' });
	}
	if (surnameHeader && (distinctRatio === undefined || distinctRatio >= 0.2)) {
		const surnames = values.filter(looksLikeSurname);
		const single = surnames.filter((v) => !/\s/.test(v.trim())).length;
		const share = surnames.length / values.length;
		if (surnames.length >= MIN_MATCHES && share >= 0.8 && single >= 0.6 * surnames.length) {
			findings.push({ kind: 'person_name', matches: surnames, share, confidence: score(0.25, share, true) - 0.1, what: 'capitalised single words, as surnames are written, under a surname header' });
		}
	}
	return findings;
}

/**
 * Birth dates: dates (or years, under a birth header) whose header says birth, or, with no header
 * saying otherwise, dates 18 to 100 years back spread over at least 20 years (purchase and sign-up
 * dates are recent and clustered).
 */
function birthDateFinding(values: string[], name: string, header: PersonalDataKind | null, type: TypeGroup, today: Date): Finding | null {
	if (type === 'number' || isEventDateHeader(name)) return null;
	const agrees = header === 'birth_date';
	if (type === 'integer' && !agrees) return null;
	const parsed = values.map((v) => ({ v, d: parseDate(v) ?? (agrees ? parseBirthYear(v) : null) })).filter((p) => p.d !== null);
	if (parsed.length < MIN_MATCHES) return null;
	const share = parsed.length / values.length;
	const ages = ageSpread(parsed.map((p) => p.d!), today);
	const matches = parsed.map((p) => p.v);
	if (agrees && share >= 0.8 && ages.livingAges >= 0.9 * ages.dates) {
		return { kind: 'birth_date', matches, share, confidence: score(0.45, share, true), what: 'dates of a living person' };
	}
	if (!agrees && header === null && share >= 0.9 && ages.adultAges >= 0.9 * ages.dates && ages.spreadYears >= MIN_AGE_SPREAD && ages.dates >= 20) {
		return { kind: 'birth_date', matches, share, confidence: 0.6, what: `dates 18 to 100 years back spread over ${Math.round(ages.spreadYears)} years (ages, not purchases)` };
	}
	return null;
}

/** Postcodes: only a postcode header makes 5 digits a postcode (they are also amounts, ids, counts). */
function postcodeFinding(values: string[], name: string, type: TypeGroup): Finding | null {
	if (type === 'date' || type === 'number') return null;
	const matches = values.filter((v) => isPostcode(v, name, type === 'integer'));
	const share = matches.length / values.length;
	if (matches.length < MIN_MATCHES || share < 0.8) return null;
	return { kind: 'postcode', matches, share, confidence: score(0.4, share, true), what: 'postcodes' };
}

/**
 * Free text (reviews, notes) with personal data inside: flagged when at least 2 values, and 1 %
 * of them, hold an e-mail, a phone, an IBAN, a card number or a NIR.
 */
function freeTextFinding(values: string[], type: TypeGroup): Finding | null {
	if (type !== 'text') return null;
	// Words with letters: "+213 5 55 12 34 56" has six tokens and is a phone, not a text.
	const words = values.reduce((s, v) => s + v.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length, 0) / values.length;
	if (words < 3) return null;
	const matches = values.filter((v) => piiInText(v).length > 0);
	const share = matches.length / values.length;
	if (matches.length < Math.max(2, Math.ceil(0.01 * values.length))) return null;
	return { kind: 'free_text_with_pii', matches, share, confidence: Math.min(0.95, 0.6 + share), what: 'texts holding an e-mail, a phone, an IBAN, a card number or a NIR' };
}

function examplesOf(f: Finding): string[] {
	const out: string[] = [];
	for (const v of f.matches) {
		const masked = maskValue(f.kind, v);
		if (!out.includes(masked) && masked !== v) out.push(masked);
		if (out.length === 3) break;
	}
	return out;
}

function reasonOf(f: Finding, sampled: number, name: string, header: PersonalDataKind | null): string {
	const percent = Math.round(100 * f.share);
	const count = f.kind === 'free_text_with_pii' ? `${f.matches.length} of ${sampled} sampled values (${percent} %) are ${f.what}` : `${percent} % of ${sampled} sampled values are ${f.what}`;
	const headerNote = header === f.kind ? `; header '${name}' agrees` : header ? `; header '${name}' reads as ${header}` : '';
	return `${count}${headerNote}.`;
}
