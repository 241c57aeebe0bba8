/**
 * Outreach drafts as `.eml` files (RFC 5322 message, MIME text/plain UTF-8,
 * quoted-printable body, RFC 2047 encoded subject), for a mail program to open
 * and send: nothing is sent from the browser. `X-Unsent: 1` opens them as drafts.
 */

/** One draft e-mail. */
export interface EmlMessage {
	/** Recipient address ('' or invalid = no To header). */
	to: string;
	/** Sender address ('' = no From header: the mail program fills it). */
	from: string;
	subject: string;
	body: string;
	date: Date;
}

const CRLF = '\r\n';
/** A plain address (no display name, no line break, no comma: nothing to inject). */
const ADDRESS = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]+$/;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Whether `text` is an address the To header may carry. */
export function isEmailAddress(text: string): boolean {
	return ADDRESS.test(text.trim());
}

/** RFC 5322 date in UTC: `Tue, 02 Dec 2025 09:05:00 +0000`. */
export function rfc5322Date(date: Date): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

function base64(bytes: Uint8Array): string {
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary);
}

/**
 * A header value on one line: ASCII as it is, else RFC 2047 encoded words
 * (`=?UTF-8?B?…?=`, at most 45 bytes of text each, folded onto new lines).
 * Line breaks in the value become spaces, so a value cannot add a header.
 */
export function encodeHeader(value: string): string {
	const line = value.replace(/[\r\n]+/g, ' ').trim();
	if (/^[\x20-\x7e]*$/.test(line) && line.length <= 900) return line;
	const encoder = new TextEncoder();
	const words: string[] = [];
	let chunk = '';
	for (const char of line) {
		if (encoder.encode(chunk + char).length > 45) {
			words.push(chunk);
			chunk = '';
		}
		chunk += char;
	}
	if (chunk) words.push(chunk);
	return words.map((w) => `=?UTF-8?B?${base64(encoder.encode(w))}?=`).join(`${CRLF} `);
}

/** `text` as quoted-printable (RFC 2045): UTF-8 bytes, lines of at most 76 characters, CRLF line ends. */
export function quotedPrintable(text: string): string {
	const encoder = new TextEncoder();
	const hex = (b: number) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) => {
			const bytes = encoder.encode(line);
			const tokens = Array.from(bytes, (b, i) => {
				const last = i === bytes.length - 1;
				if ((b === 0x20 || b === 0x09) && last) return hex(b);
				return (b >= 33 && b <= 126 && b !== 61) || b === 0x20 || b === 0x09 ? String.fromCharCode(b) : hex(b);
			});
			const out: string[] = [];
			let current = '';
			for (const token of tokens) {
				if (current.length + token.length > 75) {
					out.push(`${current}=`);
					current = '';
				}
				current += token;
			}
			out.push(current);
			return out.join(CRLF);
		})
		.join(CRLF);
}

/** The whole message, headers and body, CRLF line ends. */
export function formatEml(message: EmlMessage): string {
	const headers: string[] = [];
	if (message.from && isEmailAddress(message.from)) headers.push(`From: ${message.from.trim()}`);
	if (message.to && isEmailAddress(message.to)) headers.push(`To: ${message.to.trim()}`);
	headers.push(
		`Subject: ${encodeHeader(message.subject)}`,
		`Date: ${rfc5322Date(message.date)}`,
		'MIME-Version: 1.0',
		'Content-Type: text/plain; charset=UTF-8',
		'Content-Transfer-Encoding: quoted-printable',
		'X-Unsent: 1'
	);
	return `${headers.join(CRLF)}${CRLF}${CRLF}${quotedPrintable(message.body)}${CRLF}`;
}

/** A file name for a customer's draft: their id with only safe characters, made unique among `taken`. */
export function emlFileName(id: string, taken: Set<string>): string {
	const base = id.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '').slice(0, 80) || 'customer';
	let name = `${base}.eml`;
	for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}.eml`;
	taken.add(name.toLowerCase());
	return name;
}
