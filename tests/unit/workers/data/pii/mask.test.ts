import { describe, expect, it } from 'vitest';
import { maskValue, type PersonalDataKind } from '$workers/data/pii';

describe('maskValue(kind, value)', () => {
	it.each([
		['email', 'jean.dupont@exemple.fr', 'j***@e***.fr'],
		['phone', '06 12 34 56 78', '06 ** ** ** 78'],
		['phone', '+33 6 12 34 56 78', '+33 * ** ** ** 78'],
		['phone', '+213 5 55 12 34 56', '+213 * ** ** ** 56'],
		['iban', 'FR76 3000 6000 0112 3456 7890 189', 'FR76 **** … 189'],
		['card_number', '4111 1111 1111 1111', '**** **** **** 1111'],
		['national_id', '2 55 08 14 168 025 38', '2 ** ** ** *** *** **'],
		['ip_address', '192.168.1.42', '192.168.*.*'],
		['postcode', '75011', '75***'],
		['birth_date', '1985-03-12', '198*-**-**'],
		['birth_date', '12/03/1985', '**/**/198*'],
		['person_name', 'Mme Fatima Benali', 'Mme F*** B***'],
		['address', '12 rue des Lilas', '** rue d*** L***'],
		['free_text_with_pii', 'Merci de me rappeler au 06 12 34 56 78', 'Merci de me rappeler au 06 ** ** ** 78']
	] as [PersonalDataKind, string, string][])('maskValue(%j, %j) is %j', (kind, value, masked) => expect(maskValue(kind, value)).toBe(masked));

	it.each([
		['phone', '22 123 456'],
		['card_number', '4111111111111111'],
		['person_name', 'Li'],
		['postcode', '1000'],
		['email', 'a@b.fr'],
		['national_id', '1 40 05 2A 456 250 20']
	] as [PersonalDataKind, string][])('maskValue(%j, %j) never gives the value back', (kind, value) => {
		const masked = maskValue(kind, value);
		expect(masked).not.toBe(value);
		expect(masked.replace(/\D/g, '')).not.toBe(value.replace(/\D/g, '') || 'none');
	});
});
