import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { customerFields, fillTemplate, templateParts, unknownPlaceholders } from '$lib/cells/dashboard/template';
import { encodeHeader, emlFileName, formatEml, quotedPrintable, rfc5322Date } from '$lib/cells/dashboard/eml';
import { buildDrafts, draftsCsv, draftsZip, guessEmailColumn } from '$lib/cells/dashboard/drafts';

const FALLBACK = { noOffer: 'a loyalty offer', noReason: 'your plan' };
const ROW = { customerID: '7590-VHVEG', name: '<script>alert(1)</script>', monthly_charges: 70.7, tenure: 1, reason_1: '', reason_2: 'Month-to-month contract', email: 'ann@example.com' };

/** Decodes quoted-printable (soft breaks, =XX bytes) back to text. */
function fromQuotedPrintable(text: string): string {
	const bytes: number[] = [];
	const joined = text.replace(/=\r\n/g, '');
	for (let i = 0; i < joined.length; i++) {
		if (joined[i] === '=') {
			bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(joined.charCodeAt(i));
	}
	return new TextDecoder().decode(Uint8Array.from(bytes));
}

describe('templates', () => {
	const fields = customerFields(ROW, 'customerID', 'Tech support', FALLBACK);

	it('fillTemplate(template, fields) puts in customer_id, columns, offer and the first reason', () => {
		expect(fillTemplate('Dear {name} ({customer_id}): {offer} for {monthly_charges} a month; {reason}. {tenure}', fields)).toBe(
			'Dear <script>alert(1)</script> (7590-VHVEG): Tech support for 70.70 a month; Month-to-month contract. 1'
		);
	});

	it('templateParts keeps a customer value as one text part: "<script>" stays text, never markup', () => {
		const parts = templateParts('Hello {name}!', fields);
		expect(parts).toEqual([{ text: 'Hello ' }, { text: '<script>alert(1)</script>', field: 'name' }, { text: '!' }]);
		// A value that looks like a placeholder is not filled again.
		expect(fillTemplate('{name}', { name: '{customer_id}', customer_id: 'X' })).toBe('{customer_id}');
	});

	it('falls back when there is no offer or reason, and leaves unknown placeholders as written', () => {
		const bare = customerFields({ customerID: 'A1' }, 'customerID', null, FALLBACK);
		expect(fillTemplate('{offer} / {reason} / {nope}', bare)).toBe('a loyalty offer / your plan / {nope}');
		expect(unknownPlaceholders('{nope} {customer_id} {tenure}', ['tenure', 'customer_id'])).toEqual(['nope']);
	});
});

describe('.eml drafts', () => {
	const date = new Date(Date.UTC(2025, 11, 2, 9, 5, 0));

	it('formatEml(message) writes RFC 5322 headers, UTF-8 text/plain and a quoted-printable body', () => {
		const eml = formatEml({ to: 'ann@example.com', from: 'care@example.com', subject: 'Une offre pour vous, Zoë', body: 'Bonjour Zoë,\nline two = fine', date });
		const [head, body] = eml.split('\r\n\r\n');
		const headers = head.split('\r\n');
		expect(headers).toContain('To: ann@example.com');
		expect(headers).toContain('From: care@example.com');
		expect(headers).toContain('Date: Tue, 02 Dec 2025 09:05:00 +0000');
		expect(headers).toContain('MIME-Version: 1.0');
		expect(headers).toContain('Content-Type: text/plain; charset=UTF-8');
		expect(headers).toContain('Content-Transfer-Encoding: quoted-printable');
		expect(head).toMatch(/^Subject: =\?UTF-8\?B\?/m);
		expect(body).toBe('Bonjour Zo=C3=AB,\r\nline two =3D fine\r\n');
		expect(fromQuotedPrintable(body.trimEnd())).toBe('Bonjour Zoë,\r\nline two = fine');
	});

	it('a value cannot add a header: line breaks in the subject become spaces; a bad address gives no To', () => {
		const eml = formatEml({ to: 'x@y.com\r\nBcc: all@evil.com', from: '', subject: 'Hi\r\nBcc: all@evil.com', body: '', date });
		expect(eml).not.toMatch(/^Bcc:/m);
		expect(eml).not.toMatch(/^To:/m);
		expect(eml).not.toMatch(/^From:/m);
		expect(encodeHeader('Hi\r\nBcc: x')).toBe('Hi Bcc: x');
	});

	it('quotedPrintable keeps lines under 77 characters and encodes trailing spaces', () => {
		const long = quotedPrintable('é'.repeat(60) + ' ');
		for (const line of long.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
		expect(fromQuotedPrintable(long)).toBe('é'.repeat(60) + ' ');
		expect(quotedPrintable('end ')).toBe('end=20');
	});

	it('encodeHeader folds long non-ASCII subjects into encoded words of at most 75 characters', () => {
		for (const line of encodeHeader('Zoë '.repeat(40)).split('\r\n ')) expect(line.length).toBeLessThanOrEqual(75);
		expect(rfc5322Date(new Date(Date.UTC(2024, 0, 7)))).toBe('Sun, 07 Jan 2024 00:00:00 +0000');
	});

	it('emlFileName(id, taken) makes safe, unique names', () => {
		const taken = new Set<string>();
		expect([emlFileName('7590-VHVEG', taken), emlFileName('../etc/passwd', taken), emlFileName('7590-VHVEG', taken), emlFileName('', taken)]).toEqual([
			'7590-VHVEG.eml',
			'etc_passwd.eml',
			'7590-VHVEG_2.eml',
			'customer.eml'
		]);
	});
});

describe('draft exports', () => {
	const rows = [
		{ ...ROW, __offer: 'Tech support' },
		{ customerID: '=HYPERLINK("http://x","y")', name: '+cmd', monthly_charges: -3, email: 'not an address', __offer: null }
	];
	const drafts = buildDrafts(rows, { subject: 'For {customer_id}', body: 'Hi {name}, {offer}' }, { id: 'customerID', email: guessEmailColumn(Object.keys(ROW)), offerField: '__offer' }, FALLBACK);

	it('buildDrafts fills each customer and keeps only valid addresses', () => {
		expect(drafts.map((d) => [d.customerId, d.to, d.body])).toEqual([
			['7590-VHVEG', 'ann@example.com', 'Hi <script>alert(1)</script>, Tech support'],
			['=HYPERLINK("http://x","y")', '', 'Hi +cmd, a loyalty offer']
		]);
	});

	it('draftsCsv neutralises formulas like every CSV of the workbench', () => {
		const csv = draftsCsv(drafts);
		expect(csv.startsWith('\ufeffcustomer_id,to,subject,body\r\n')).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines[2]).toBe(`"'=HYPERLINK(""http://x"",""y"")",,"For =HYPERLINK(""http://x"",""y"")","Hi +cmd, a loyalty offer"`);
		expect(lines[1]).toContain('7590-VHVEG,ann@example.com');
	});

	it('draftsZip holds one .eml per customer, named by id', async () => {
		const files = unzipSync(await draftsZip(drafts, 'care@example.com', new Date(Date.UTC(2025, 0, 1))));
		expect(Object.keys(files).sort()).toEqual(['7590-VHVEG.eml', 'HYPERLINK_http_x_y_.eml']);
		const eml = strFromU8(files['7590-VHVEG.eml']);
		expect(eml).toContain('To: ann@example.com\r\n');
		expect(eml).toContain('Subject: For 7590-VHVEG\r\n');
	});
});
