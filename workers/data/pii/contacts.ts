/** Value tests for contact details: e-mail addresses, phone numbers and IP addresses. */

const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}$/i;

/** "jean.dupont@exemple.fr" → true; "@handle", "a@b" → false. */
export function isEmail(value: string): boolean {
	const v = value.trim();
	return v.length <= 254 && EMAIL.test(v);
}

/** "25/03/2024", "25.03.2024": 8 digits with separators, a date and not a Tunisian number. */
const DATE_SHAPE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/;

/** Characters a written phone number may hold between its digits. */
const PHONE_CHARS = /^\+?[\d\s.\-/()]+$/;

/**
 * National numbers without a country code, by their digits (separators removed). Each is the
 * plan of one country; the 8-digit Tunisian one is also any 8-digit number, so a bare run of
 * 8 digits counts only written with separators ("22 123 456") or when `loose`.
 */
const NATIONAL: { digits: RegExp; bare: boolean }[] = [
	{ digits: /^0[1-9]\d{8}$/, bare: true }, // France 0X XX XX XX XX; Algeria, Morocco mobiles 05/06/07 XX XX XX XX
	{ digits: /^0[2-4]\d{7}$/, bare: true }, // Algeria fixed lines 0XX XX XX XX
	{ digits: /^[2-9]\d{7}$/, bare: false }, // Tunisia 2x/4x/5x/7x/9x XXX XXX
	{ digits: /^0[1-9]\d{9}$/, bare: false }, // United Kingdom 020 7946 0958, 07700 900123
	{ digits: /^1?[2-9]\d{2}[2-9]\d{6}$/, bare: false } // North America (415) 555-2671
];

/** Digits after the country code, by country code, for the countries whose plans we know. */
const INTERNATIONAL: Record<string, RegExp> = {
	'33': /^[1-9]\d{8}$/, // France
	'213': /^(?:[5-7]\d{8}|[2-4]\d{7})$/, // Algeria: mobiles 9 digits, fixed 8
	'212': /^[5-8]\d{8}$/, // Morocco
	'216': /^[2-9]\d{7}$/ // Tunisia
};

/**
 * Whether `value` is a phone number: French, Algerian, Moroccan and Tunisian national formats (and
 * British and North American ones written with separators),
 * +33/+213/+212/+216 (or 00…) with their plans, and other international numbers (+ and 8–15
 * digits in all); spaces, dots, dashes, slashes or none. `loose` also takes bare 8-digit numbers
 * (a header says phone).
 */
export function isPhone(value: string, loose = false): boolean {
	const v = value.trim();
	if (!PHONE_CHARS.test(v) || /[.\-/]{2}|\s{2}/.test(v) || DATE_SHAPE.test(v)) return false;
	let digits = v.replace(/\D/g, '');
	const international = v.startsWith('+') || /^00[1-9]/.test(digits);
	if (international) {
		if (!v.startsWith('+')) digits = digits.slice(2);
		// "+33 (0)6 12 …": the trunk 0 in brackets is written but not dialled.
		digits = digits.replace(/^(33|213|212|216)0/, '$1');
		for (const [code, plan] of Object.entries(INTERNATIONAL)) {
			if (digits.startsWith(code)) return plan.test(digits.slice(code.length));
		}
		return digits.length >= 8 && digits.length <= 15;
	}
	const separated = /\d[\s.\-/]\d/.test(v);
	return NATIONAL.some((n) => n.digits.test(digits) && (n.bare || separated || loose));
}

/** IPv4 dotted quads (0–255 each, no leading zeros) and IPv6 (with :: and an embedded IPv4 tail). */
export function isIpAddress(value: string): boolean {
	const v = value.trim();
	return isIpv4(v) || isIpv6(v);
}

function isIpv4(v: string): boolean {
	const parts = v.split('.');
	return parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIpv6(v: string): boolean {
	if (!/^[0-9a-f:.]+$/i.test(v) || !v.includes(':')) return false;
	const halves = v.split('::');
	if (halves.length > 2) return false;
	const groups = (s: string) => (s === '' ? [] : s.split(':'));
	const head = groups(halves[0]);
	const tail = halves.length === 2 ? groups(halves[1]) : [];
	const all = [...head, ...tail];
	// An IPv4 tail ("::ffff:192.0.2.1") stands for two groups.
	const last = all[all.length - 1] ?? '';
	const v4 = last.includes('.');
	if (v4 && !isIpv4(last)) return false;
	const hex = v4 ? all.slice(0, -1) : all;
	if (!hex.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
	const count = hex.length + (v4 ? 2 : 0);
	return halves.length === 2 ? count < 8 : count === 8;
}
