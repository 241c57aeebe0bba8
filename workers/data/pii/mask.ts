/**
 * Masked examples: enough of a value to see what the column holds, never the value itself.
 * "jean.dupont@exemple.fr" → "j***@e***.fr", "06 12 34 56 78" → "06 ** ** ** 78",
 * "FR76 3000 6000 0112 3456 7890 189" → "FR76 **** … 189".
 */
import { piiInText } from './free-text';
import type { PersonalDataKind } from './kinds';

/** `value` masked as a value of `kind`. */
export function maskValue(kind: PersonalDataKind, value: string): string {
	const v = value.trim();
	switch (kind) {
		case 'email':
			return maskEmail(v);
		case 'phone':
			return maskDigits(v, phoneKeep(v), 2);
		case 'iban': {
			const compact = v.replace(/\s/g, '');
			return `${compact.slice(0, 4)} **** … ${compact.slice(-3)}`;
		}
		case 'card_number':
			return maskDigits(v, 0, 4);
		case 'national_id':
			return maskDigits(v.replace(/2([AB])/i, '*$1').replace(/[AB]/gi, '*'), 1, 0);
		case 'ip_address':
			return maskIp(v);
		case 'postcode':
			return v.length > 2 ? v.slice(0, 2) + v.slice(2).replace(/[0-9A-Za-z]/g, '*') : '**';
		case 'birth_date':
			return maskBirthDate(v);
		case 'person_name':
		case 'address':
			return maskWords(v);
		case 'free_text_with_pii':
			return maskText(v);
	}
}

function maskEmail(v: string): string {
	const at = v.lastIndexOf('@');
	if (at < 0) return maskWords(v);
	const domain = v.slice(at + 1);
	const dot = domain.lastIndexOf('.');
	return `${v[0]}***@${domain[0]}***${dot > 0 ? domain.slice(dot) : ''}`;
}

/** Digits kept at the start of a phone: the country code written with + or 00, else 2 ("06"). */
function phoneKeep(v: string): number {
	const digits = v.replace(/\D/g, '');
	if (!v.startsWith('+') && !digits.startsWith('00')) return 2;
	const lead = v.startsWith('+') ? 0 : 2;
	const code = digits.slice(lead);
	const codeLength = /^(21[2-6]|35\d|37\d|38\d|42\d|50\d|59\d|67\d|68\d|69\d|85\d|88\d|96\d|97\d|99\d)/.test(code) ? 3 : /^[17]/.test(code) ? 1 : 2;
	return lead + codeLength;
}

/** Every digit but the first `head` and last `tail` as "*", separators kept. */
function maskDigits(v: string, head: number, tail: number): string {
	const total = v.replace(/\D/g, '').length;
	// Never show the whole number, however short.
	const keepTail = Math.min(tail, Math.max(0, total - head - 4));
	let seen = 0;
	return v.replace(/\d/g, (d) => {
		seen++;
		return seen <= head || seen > total - keepTail ? d : '*';
	});
}

function maskIp(v: string): string {
	if (v.includes(':')) return v.split(':').slice(0, 2).join(':') + ':…';
	const parts = v.split('.');
	return `${parts[0]}.${parts[1] ?? '*'}.*.*`;
}

/** "1985-03-12" → "198*-**-**", "12/03/1985" → "** / ** / 198*" (no spaces): the decade shows, not the day. */
function maskBirthDate(v: string): string {
	const year = /(1[89]|20)\d{2}/.exec(v);
	if (!year) return v.replace(/\d/g, '*');
	const kept = year.index + 3;
	return v.replace(/\d/g, (d, i: number) => (i >= year.index && i < kept ? d : '*'));
}

/** "Jean Dupont" → "J*** D***", "12 rue des Lilas" → "** rue d*** L***": initials, street words and titles. */
function maskWords(v: string): string {
	return v
		.split(/(\s+|,)/)
		.map((w) => {
			if (/^(\s+|,)$/.test(w) || w === '') return w;
			if (KEPT_WORDS.has(w.toLowerCase().replace(/\.$/, ''))) return w;
			if (/^\d/.test(w)) return w.replace(/[0-9A-Za-z]/g, '*');
			return `${[...w][0]}***`;
		})
		.join('');
}

/** Words kept in masked names and addresses: titles and street types say what the value is. */
const KEPT_WORDS = new Set(['m', 'mr', 'mrs', 'ms', 'mme', 'mlle', 'dr', 'rue', 'avenue', 'av', 'bd', 'boulevard', 'chemin', 'impasse', 'allée', 'allee', 'place', 'route', 'cité', 'cite', 'lotissement', 'quai', 'street', 'st', 'road', 'rd', 'lane']);

/** The personal data inside a text masked by its kind, the rest cut to about 60 characters around the first. */
function maskText(v: string): string {
	const hits = piiInText(v);
	let out = '';
	let from = 0;
	for (const h of hits) {
		out += v.slice(from, h.start) + maskValue(h.kind, v.slice(h.start, h.end));
		from = h.end;
	}
	out += v.slice(from);
	if (!hits.length) return maskWords(v);
	const first = hits[0].start;
	const start = Math.max(0, first - 30);
	const clipped = out.slice(start, start + 80);
	return (start > 0 ? '…' : '') + clipped + (start + 80 < out.length ? '…' : '');
}
