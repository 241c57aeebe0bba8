import { describe, expect, it } from 'vitest';
import { isEmail, isIpAddress, isPhone } from '$workers/data/pii';

describe('isEmail(value)', () => {
	it.each([
		['jean.dupont@exemple.fr', true],
		['Fatima.Benali+crm@gmail.com', true],
		['a.b@sous.domaine.co.uk', true],
		['@handle', false],
		['jean@localhost', false],
		['jean dupont@exemple.fr', false],
		['CMD-2024-00042', false]
	])('isEmail(%j) is %s', (value, expected) => expect(isEmail(value)).toBe(expected));
});

describe('isPhone(value)', () => {
	it.each([
		// France: national with spaces, dots, dashes or none; +33 and 0033
		['06 12 34 56 78', true],
		['06.12.34.56.78', true],
		['06-12-34-56-78', true],
		['0612345678', true],
		['01 45 67 89 12', true],
		['+33 6 12 34 56 78', true],
		['+33 (0)6 12 34 56 78', true],
		['0033612345678', true],
		// Algeria: mobiles 05/06/07 and fixed lines, +213
		['05 55 12 34 56', true],
		['0555123456', true],
		['+213 5 55 12 34 56', true],
		['+213 661 23 45 67', true],
		['+213 21 23 45 67', true],
		['021 23 45 67', true],
		// Morocco: +212 6…, 06…, 05 22 fixed lines
		['+212 6 12 34 56 78', true],
		['+212 612-34-56-78', true],
		['0522-12-34-56', true],
		// Tunisia: 8 digits, +216
		['+216 22 123 456', true],
		['+216 98765432', true],
		['22 123 456', true],
		// Other international numbers
		['+44 20 7946 0958', true],
		['+1 415 555 2671', true],
		['(415) 555-2671', true],
		['020 7946 0958', true],
		['4155552671', false], // 10 bare digits without a leading 0: an id
		// Not phones
		['22123456', false], // 8 bare digits: an id or an amount unless a header says phone
		['CMD-2024-00042', false],
		['SKU-8841', false],
		['1 234,50', false],
		['25/03/2024', false],
		['12.03.2024', false],
		['42', false],
		['+33 6 12 34', false],
		['+216 1234 5678', false], // no Tunisian number starts with 1
		['12345', false]
	])('isPhone(%j) is %s', (value, expected) => expect(isPhone(value)).toBe(expected));

	it('isPhone("22123456", true) takes a bare Tunisian number when a header says phone', () => {
		expect(isPhone('22123456', true)).toBe(true);
	});
});

describe('isIpAddress(value)', () => {
	it.each([
		['192.168.1.42', true],
		['8.8.8.8', true],
		['2001:db8::8a2e:370:7334', true],
		['2001:0db8:85a3:0000:0000:8a2e:0370:7334', true],
		['::1', true],
		['::ffff:192.0.2.1', true],
		['256.1.1.1', false],
		['1.2.3', false],
		['01.2.3.4', false],
		['12:30', false],
		['2001:db8::1::2', false],
		['1 234,50', false]
	])('isIpAddress(%j) is %s', (value, expected) => expect(isIpAddress(value)).toBe(expected));
});
