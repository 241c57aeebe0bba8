import { describe, expect, it } from 'vitest';
import { customerName, guessIdColumn, idNameScore } from '$lib/cells/customer-id';
import type { ColumnInfo } from '$workers/data/api';

const text = (name: string): ColumnInfo => ({ name, type: 'VARCHAR' });
const int = (name: string): ColumnInfo => ({ name, type: 'BIGINT' });
const real = (name: string): ColumnInfo => ({ name, type: 'DOUBLE' });

describe('customer id column', () => {
	it.each([
		['telco', [text('customerID'), text('gender'), int('tenure')], ['customerID', 'tenure'], 'customerID'],
		['snake case', [int('tenure'), int('customer_id')], ['customer_id', 'tenure'], 'customer_id'],
		['French', [text('code client'), text('ville')], ['code client'], 'code client'],
		['plain id first', [text('email'), int('id')], ['id', 'email'], 'id'],
		['customer id beats a plain id', [int('id'), text('client_id')], ['id', 'client_id'], 'client_id'],
		['client alone', [text('client'), text('offer')], ['client'], 'client'],
		['named but not unique', [text('customer_id'), text('contract')], [], ''],
		['unique but not named', [text('notes'), int('tenure')], ['notes', 'tenure'], ''],
		['a unique measurement is no id', [real('account_number')], ['account_number'], ''],
		['words inside names do not count', [text('paid'), text('valid')], ['paid', 'valid'], ''],
		['a customer attribute is no id', [text('customer_type')], ['customer_type'], '']
	])('guessIdColumn(%s) → %s', async (_case, columns, unique, expected) => {
		expect(await guessIdColumn(columns, async (c) => unique.includes(c))).toBe(expected);
	});

	it('idNameScore ranks customer ids above plain ids above a bare customer word', () => {
		expect([idNameScore('CustomerId'), idNameScore('ID'), idNameScore('client'), idNameScore('tenure')]).toEqual([3, 2, 1, 0]);
	});

	it.each([
		['7590-VHVEG', 3, {}, 'customer 7590-VHVEG'],
		[1042, 3, { capital: true }, 'Customer 1042'],
		[null, 3030, {}, 'customer in row 3,031'],
		['  ', 0, { capital: true }, 'Customer in row 1']
	])('customerName(%s, %s, %o) → %s', (id, row, options, expected) => {
		expect(customerName(id, row, options)).toBe(expected);
	});
});
