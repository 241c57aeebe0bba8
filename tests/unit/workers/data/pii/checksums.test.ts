import { describe, expect, it } from 'vitest';
import { isCardNumber, isFrenchNir, isIban } from '$workers/data/pii';

describe('isIban(value)', () => {
	it.each([
		['FR76 3000 6000 0112 3456 7890 189', true], // the French example IBAN
		['FR7630006000011234567890189', true],
		['GB82 WEST 1234 5698 7654 32', true],
		['DE89 3704 0044 0532 0130 00', true],
		['TN59 1000 6035 1835 9847 8831', true],
		['MA64 0115 1900 0001 2050 0053 4921', true],
		['FR76 3000 6000 0112 3456 7890 188', false], // one digit off: mod 97 ≠ 1
		['FR00 3000 6000 0112 3456 7890 189', false],
		['CMD-2024-00042', false],
		['1 234,50', false]
	])('isIban(%j) is %s', (value, expected) => expect(isIban(value)).toBe(expected));
});

describe('isCardNumber(value)', () => {
	it.each([
		['4970 1012 3456 7893', true], // a French CB (Visa) number
		['4970 1012 3456 7890', false], // same number, Luhn digit wrong
		['4111 1111 1111 1111', true], // Visa test number
		['5500-0000-0000-0004', true], // Mastercard
		['378282246310005', true], // Amex, 15 digits
		['6011111111111117', true], // Discover
		['4111 1111 1111 1112', false], // Luhn fails
		['1234567812345670', false], // Luhn passes, no network starts with 1
		['0000000000000000', false],
		['411111111111', false], // 12 digits
		['SKU-8841', false]
	])('isCardNumber(%j) is %s', (value, expected) => expect(isCardNumber(value)).toBe(expected));
});

describe('isFrenchNir(value)', () => {
	it.each([
		['1 85 05 78 006 084 91', true], // key 97 − (1850578006084 mod 97) = 91
		['1 85 05 78 006 084 36', false], // same number, wrong key
		['2 55 08 14 168 025 38', true], // key 97 − (2550814168025 mod 97) = 38
		['255081416802538', true],
		['1 40 05 2A 456 250 20', true], // Corsica: 2A read as 19 for the key
		['1 40 05 2B 456 250 20', false], // same digits, 2B (18) needs another key
		['2 55 08 14 168 025 39', false],
		['3 55 13 14 168 025 38', false], // month 13
		['123456789012345', false]
	])('isFrenchNir(%j) is %s', (value, expected) => expect(isFrenchNir(value)).toBe(expected));

	it('isFrenchNir(body + key) holds for the key 97 − (body mod 97), and only for it', () => {
		const body = '1850578006084';
		const key = 97 - Number(BigInt(body) % 97n);
		expect(isFrenchNir(body + String(key).padStart(2, '0'))).toBe(true);
		expect(isFrenchNir(body + String((key % 97) + 1).padStart(2, '0'))).toBe(false);
	});
});
