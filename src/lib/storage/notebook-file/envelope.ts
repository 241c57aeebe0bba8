/**
 * A notebook file sealed with a passphrase, by WebCrypto alone (no library
 * to trust, and the passphrase never leaves the tab).
 *
 * Layout: header, then the AES-256-GCM ciphertext with its 16-byte tag.
 * Header: `CRMWB-ENC`, version byte, PBKDF2 iterations (uint32 big-endian),
 * salt (16 bytes), iv (12 bytes), passphrase check (16 bytes).
 *
 * PBKDF2-HMAC-SHA-256 derives 512 bits: the first half is the AES-GCM key,
 * the second an HMAC-SHA-256 key whose MAC of the header (up to the check)
 * is the check. The check tells a wrong passphrase from a file altered after
 * it was saved (GCM alone fails the same way for both); it reveals no more
 * than the ciphertext would, as it costs the same derivation. The whole header
 * is GCM's additional data, so a changed header byte is refused too.
 */
import { NotebookFileProblem } from './errors';

/** PBKDF2-HMAC-SHA-256 iterations: the OWASP 2023 figure. */
export const DEFAULT_ITERATIONS = 600_000;
/** Below this a file is weak; above, opening it would spin for minutes. A file outside is damaged. */
export const MIN_ITERATIONS = 100_000;
export const MAX_ITERATIONS = 10_000_000;

const MAGIC = new TextEncoder().encode('CRMWB-ENC');
const VERSION = 1;
const VERSION_AT = MAGIC.length;
const ITERATIONS_AT = VERSION_AT + 1;
const SALT_AT = ITERATIONS_AT + 4;
const IV_AT = SALT_AT + 16;
const CHECK_AT = IV_AT + 12;
const CHECK_BYTES = 16;
const HEADER_BYTES = CHECK_AT + CHECK_BYTES;
const TAG_BYTES = 16;

/** Whether `bytes` begin as a sealed notebook file (says nothing of whether the rest is sound). */
export function isEncrypted(bytes: Uint8Array): boolean {
	return bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

/** `plain` sealed with `passphrase`; a fresh random salt and iv each time. */
export async function encryptBytes(plain: Uint8Array, passphrase: string, options: { iterations?: number } = {}): Promise<Uint8Array<ArrayBuffer>> {
	if (passphrase === '') throw new NotebookFileProblem('empty-passphrase');
	const iterations = options.iterations ?? DEFAULT_ITERATIONS;
	// A file the reader would refuse must not be written.
	if (!validIterations(iterations)) throw new RangeError(`iterations must be an integer from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}`);
	const header = new Uint8Array(HEADER_BYTES);
	header.set(MAGIC);
	header[VERSION_AT] = VERSION;
	new DataView(header.buffer).setUint32(ITERATIONS_AT, iterations, false);
	crypto.getRandomValues(header.subarray(SALT_AT, CHECK_AT)); // salt and iv
	const keys = await deriveKeys(passphrase, header.slice(SALT_AT, IV_AT), iterations);
	header.set(await checkOf(keys.check, header.subarray(0, CHECK_AT)), CHECK_AT);
	const sealed = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv: header.slice(IV_AT, CHECK_AT), additionalData: header, tagLength: TAG_BYTES * 8 },
		keys.cipher,
		ownBuffer(plain)
	);
	const out = new Uint8Array(HEADER_BYTES + sealed.byteLength);
	out.set(header);
	out.set(new Uint8Array(sealed), HEADER_BYTES);
	return out;
}

/**
 * The bytes `encryptBytes` sealed. Throws a `NotebookFileProblem`:
 * `not-notebook-file` without the magic, `newer-version`, `damaged` (cut
 * short, impossible header), `wrong-passphrase`, `altered`.
 */
export async function decryptBytes(sealed: Uint8Array, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
	if (!isEncrypted(sealed)) throw new NotebookFileProblem('not-notebook-file', 'not encrypted');
	if (sealed.length <= VERSION_AT) throw new NotebookFileProblem('damaged', 'cut short');
	const version = sealed[VERSION_AT];
	if (version > VERSION) throw new NotebookFileProblem('newer-version', `encryption version ${version}`);
	if (version !== VERSION) throw new NotebookFileProblem('damaged', `encryption version ${version}`);
	if (sealed.length < HEADER_BYTES + TAG_BYTES) throw new NotebookFileProblem('damaged', 'cut short');
	const bytes = ownBuffer(sealed);
	const header = bytes.subarray(0, HEADER_BYTES);
	const iterations = new DataView(header.buffer, header.byteOffset, HEADER_BYTES).getUint32(ITERATIONS_AT, false);
	// Checked before deriving: the file chooses the count, and must not make us spin.
	if (!validIterations(iterations)) throw new NotebookFileProblem('damaged', `${iterations} iterations`);
	if (passphrase === '') throw new NotebookFileProblem('empty-passphrase');
	const keys = await deriveKeys(passphrase, header.slice(SALT_AT, IV_AT), iterations);
	const check = await checkOf(keys.check, header.subarray(0, CHECK_AT));
	if (!equalInFull(check, header.subarray(CHECK_AT))) throw new NotebookFileProblem('wrong-passphrase');
	try {
		const plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: header.slice(IV_AT, CHECK_AT), additionalData: header, tagLength: TAG_BYTES * 8 },
			keys.cipher,
			bytes.subarray(HEADER_BYTES)
		);
		return new Uint8Array(plain);
	} catch {
		throw new NotebookFileProblem('altered');
	}
}

function validIterations(n: number): boolean {
	return Number.isInteger(n) && n >= MIN_ITERATIONS && n <= MAX_ITERATIONS;
}

/** The AES-GCM key and the check's HMAC key, from one 512-bit PBKDF2 derivation. */
async function deriveKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<{ cipher: CryptoKey; check: CryptoKey }> {
	// NFC: "é" typed as one character or as e + accent is the same passphrase.
	const secret = new TextEncoder().encode(passphrase.normalize('NFC'));
	const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
	const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512));
	const [cipher, check] = await Promise.all([
		crypto.subtle.importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']),
		crypto.subtle.importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
	]);
	return { cipher, check };
}

async function checkOf(key: CryptoKey, headerBeforeCheck: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	return new Uint8Array(await crypto.subtle.sign('HMAC', key, headerBeforeCheck)).slice(0, CHECK_BYTES);
}

/** Every byte compared, whatever the first difference: the time taken says nothing of where it is. */
function equalInFull(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
	return diff === 0;
}

/** WebCrypto takes bytes on an ArrayBuffer (not a SharedArrayBuffer); a copy only in the rare other case. */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
