/** Identifiers with a check key: IBAN (mod 97), payment cards (Luhn) and the French NIR (key 97 − n mod 97). */

/** "FR76 3000 6000 0112 3456 7890 189" → true: 2 letters, 2 check digits, 11–30 letters or digits, mod 97 = 1. */
export function isIban(value: string): boolean {
	const compact = value.replace(/[\s-]/g, '').toUpperCase();
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
	const rotated = compact.slice(4) + compact.slice(0, 4);
	let rest = 0;
	for (const ch of rotated) {
		const n = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
		for (const d of n) rest = (rest * 10 + Number(d)) % 97;
	}
	return rest === 1;
}

/** Issuer prefixes of the card networks (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro, CB). */
const CARD_PREFIX = /^(?:4|5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720)|3[47]|6011|64[4-9]|65|35|30[0-5]|36|38|62|50|5[6-8]|6[37])/;

/** 13–19 digits (spaces or dashes between groups), a known network prefix and a valid Luhn check digit. */
export function isCardNumber(value: string): boolean {
	const v = value.trim();
	if (!/^\d(?:[\s-]?\d){12,18}$/.test(v)) return false;
	const digits = v.replace(/\D/g, '');
	return CARD_PREFIX.test(digits) && luhn(digits);
}

function luhn(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

/**
 * French NIR (social security number): sex 1/2 (3/4/7/8 for provisional ones), year, month,
 * department (2A/2B for Corsica), commune, order, then the key 97 − (the 13 digits mod 97), with
 * 2A read as 19 and 2B as 18 for the key. Spaces allowed: "1 85 05 78 006 084 36".
 */
export function isFrenchNir(value: string): boolean {
	const compact = value.replace(/[\s.-]/g, '').toUpperCase();
	const m = /^([1-478])(\d{2})(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/.exec(compact);
	if (!m) return false;
	const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
	let rest = 0;
	for (const d of body) rest = (rest * 10 + Number(d)) % 97;
	return 97 - rest === Number(m[7]);
}
