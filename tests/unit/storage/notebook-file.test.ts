import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
	DEFAULT_ITERATIONS,
	decodeKept,
	decryptBytes,
	encodeKept,
	encryptBytes,
	isEncrypted,
	NotebookFileProblem,
	notebookFileKind,
	packBundle,
	unpackBundle,
	type BundleContent,
	type NotebookFileProblemCode
} from '$lib/storage/notebook-file';

/** Through JSON text, as a value travels in a file. */
const throughJson = <T>(value: T): T => decodeKept<T>(JSON.parse(JSON.stringify(encodeKept(value))));

/** The problem code `run` throws (or rejects with); fails when it throws anything else. */
async function problemOf(run: () => unknown): Promise<NotebookFileProblemCode> {
	try {
		await run();
	} catch (e) {
		if (e instanceof NotebookFileProblem) return e.code;
		throw e;
	}
	throw new Error('expected a NotebookFileProblem, nothing was thrown');
}

/** `n` pseudo-random bytes (getRandomValues gives at most 64 KiB a call). */
function randomBytes(n: number): Uint8Array {
	const bytes = new Uint8Array(n);
	for (let at = 0; at < n; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(n, at + 65_536)));
	return bytes;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Byte equality at native speed (toEqual walks a megabyte element by element for seconds). */
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('encodeKept / decodeKept', () => {
	it('round-trips what IndexedDB keeps and JSON loses: NaN, ±Infinity, -0, typed arrays, ArrayBuffer, Date, Map, Set', () => {
		const value = {
			name: 'forest',
			ok: true,
			none: null,
			counts: [1, 2.5, -3e-12, 0],
			special: [NaN, Infinity, -Infinity, -0],
			f64: new Float64Array([1.5, NaN, -Infinity, 1e308]),
			f32: new Float32Array([0.1, -2, Infinity]),
			i32: new Int32Array([-2147483648, 2147483647]),
			u32: new Uint32Array([4294967295, 0]),
			i16: new Int16Array([-32768, 32767]),
			u16: new Uint16Array([65535]),
			i8: new Int8Array([-128, 127]),
			u8: new Uint8Array([0, 255, 7]),
			clamped: new Uint8ClampedArray([0, 128, 255]),
			empty: new Float64Array(0),
			trainedAt: new Date('2024-03-01T12:34:56.789Z'),
			classes: new Map<unknown, unknown>([
				['churn', { weight: NaN }],
				[3, new Set(['a', 'b'])],
				[{ composite: 1 }, [Infinity]]
			]),
			seen: new Set([1, 'two', NaN]),
			nested: { deeper: { list: [{ w: new Float32Array([1, 2]) }] } }
		};
		const back = throughJson(value);
		expect(back).toStrictEqual(value);
		expect(Object.is(back.special[3], -0)).toBe(true);
		expect(Number.isNaN(back.f64[1])).toBe(true);
		expect(back.clamped).toBeInstanceOf(Uint8ClampedArray);
		expect(back.trainedAt.getTime()).toBe(value.trainedAt.getTime());
	});

	it('encodeKept(value) is plain JSON: it survives JSON.stringify unchanged', () => {
		const encoded = encodeKept({ x: NaN, y: [Infinity], z: new Float64Array([NaN]) });
		expect(JSON.parse(JSON.stringify(encoded))).toEqual(encoded);
		expect(encoded).toEqual({ x: { $kept: 'number', value: 'NaN' }, y: [{ $kept: 'number', value: 'Infinity' }], z: { $kept: 'Float64Array', base64: expect.any(String) } });
	});

	it('keeps only the bytes of a typed array view that starts inside a larger buffer', () => {
		const buffer = new ArrayBuffer(64);
		new Float32Array(buffer).set([9, 9, 1.25, -2.5, 3.75, 9, 9]);
		const view = new Float32Array(buffer, 8, 3);
		const back = throughJson(view);
		expect(back).toBeInstanceOf(Float32Array);
		expect([...back]).toEqual([1.25, -2.5, 3.75]);
		expect(back.buffer.byteLength).toBe(12);
	});

	it('round-trips an ArrayBuffer byte for byte', () => {
		const bytes = randomBytes(1000);
		const back = throughJson(bytes.buffer);
		expect(back).toBeInstanceOf(ArrayBuffer);
		expect(sameBytes(new Uint8Array(back), bytes)).toBe(true);
	});

	it('round-trips bigints and 64-bit integer arrays (DuckDB hands them over)', () => {
		const value = { count: 9007199254740993n, ids: new BigInt64Array([-1n, 2n ** 62n]), sizes: new BigUint64Array([2n ** 64n - 1n]) };
		expect(throughJson(value)).toStrictEqual(value);
	});

	it('a plain object with a "$kept" key of its own stays a plain object', () => {
		const value = { $kept: 'Float32Array', base64: 'AAAA', inner: { $kept: { $kept: 'number', value: 'NaN' } }, list: [{ $kept: 'Map' }] };
		expect(throughJson(value)).toStrictEqual(value);
	});

	it('keeps a "__proto__" key as data, not as a prototype', () => {
		const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
		const back = throughJson(value);
		expect(Object.hasOwn(back, '__proto__')).toBe(true);
		expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(back).toEqual(value);
	});

	it('drops undefined properties as JSON does, and keeps undefined in arrays, maps and at the top', () => {
		expect(throughJson({ a: 1, gone: undefined })).toStrictEqual({ a: 1 });
		expect(throughJson([1, undefined, 3])).toStrictEqual([1, undefined, 3]);
		expect(throughJson(new Map([['k', undefined]]))).toStrictEqual(new Map([['k', undefined]]));
		expect(throughJson(undefined)).toBeUndefined();
		expect(throughJson(new Date(NaN)).getTime()).toBeNaN();
	});

	it('throws on a function, a symbol, a value that contains itself and an object of another kind', () => {
		expect(() => encodeKept(() => 1)).toThrow(TypeError);
		expect(() => encodeKept({ predict: () => 1 })).toThrow(/function/);
		expect(() => encodeKept([Symbol('s')])).toThrow(/symbol/);
		const loop: Record<string, unknown> = { a: 1 };
		loop.self = loop;
		expect(() => encodeKept(loop)).toThrow(/contains itself/);
		expect(() => encodeKept(new (class Model {})())).toThrow(/Model/);
		expect(() => encodeKept(new DataView(new ArrayBuffer(4)))).toThrow(/DataView/);
	});

	it('writes a value reached twice (not a cycle) twice', () => {
		const shared = { w: [1, 2] };
		expect(throughJson({ a: shared, b: shared })).toEqual({ a: shared, b: shared });
	});

	it('decodeKept(json) throws on malformed tags', () => {
		expect(() => decodeKept({ $kept: 'Float64Array', base64: 'AAAA' })).toThrow(/Float64Array/); // 3 bytes
		expect(() => decodeKept({ $kept: 'constructor', base64: '' })).toThrow(/unknown/);
		expect(() => decodeKept({ $kept: 'number', value: '42' })).toThrow(/number/);
		expect(() => decodeKept({ $kept: 'Map', entries: [[1]] })).toThrow(/map/);
		expect(() => decodeKept({ $kept: 'Uint8Array' })).toThrow(/base64/);
		expect(() => decodeKept({ $kept: 'Date', value: 'yesterday' })).toThrow(/date/);
	});
});

describe('packBundle / unpackBundle', () => {
	const csv = `customer_id,plan,spend\n${Array.from({ length: 5000 }, (_, i) => `c${i},premium,${(i * 1.5).toFixed(2)}`).join('\n')}\n`;
	const sample = (): BundleContent => ({
		notebook: JSON.stringify({ format: 'crm-workbench-notebook', title: 'Étude churn ✓', cells: [] }, null, 2),
		files: [
			{ key: 'f_customers', name: 'customers.csv', bytes: utf8(csv) },
			{ key: 'f_blob', name: 'données.parquet', bytes: randomBytes(1024 * 1024) }
		],
		results: [
			{ key: 'r_forest', value: { fingerprint: 'customers@v1', result: { weights: new Float64Array([0.5, NaN]), classes: new Map([['yes', 1]]) } } },
			{ key: 'r_segments', value: { fingerprint: 'x', result: { k: 3, inertia: Infinity, at: new Date(0) } } }
		]
	});

	/** Unzips `zip`, lets `change` edit its entries, zips it again. */
	function repack(zip: Uint8Array, change: (entries: Record<string, Uint8Array>) => void): Uint8Array {
		const entries = unzipSync(zip);
		change(entries);
		return zipSync(entries);
	}

	/** Rewrites manifest.json through `change`. */
	function withManifest(zip: Uint8Array, change: (manifest: Record<string, any>) => void): Uint8Array {
		return repack(zip, (entries) => {
			const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
			change(manifest);
			entries['manifest.json'] = utf8(JSON.stringify(manifest));
		});
	}

	let content: BundleContent;
	let zip: Uint8Array;
	beforeAll(() => {
		content = sample();
		zip = packBundle(content);
	});

	it('unpackBundle(packBundle(content)) gives the content back: the notebook text, the files byte for byte, the results', () => {
		const back = unpackBundle(zip);
		expect(back.notebook).toBe(content.notebook);
		expect(back.files.map((f) => [f.key, f.name, f.bytes.byteLength])).toEqual([
			['f_customers', 'customers.csv', content.files[0].bytes.byteLength],
			['f_blob', 'données.parquet', 1024 * 1024]
		]);
		expect(sameBytes(back.files[0].bytes, content.files[0].bytes)).toBe(true);
		expect(sameBytes(back.files[1].bytes, content.files[1].bytes)).toBe(true);
		expect(back.results).toStrictEqual(content.results);
	});

	it('round-trips an empty bundle and a notebook text that starts with a BOM', () => {
		const empty: BundleContent = { notebook: '\ufeff{}', files: [], results: [] };
		expect(unpackBundle(packBundle(empty))).toEqual(empty);
	});

	it('names entries by position, never by key or file name, and deflates the CSV', () => {
		const names = Object.keys(unzipSync(packBundle({ notebook: '{}', files: [{ key: '../../evil', name: '/etc/passwd', bytes: utf8(csv) }], results: [{ key: '..\\x', value: 1 }] })));
		expect(names.sort()).toEqual(['files/1', 'manifest.json', 'notebook.json', 'results/1.json']);
		const csvOnly = packBundle({ notebook: '{}', files: [{ key: 'f', name: 'c.csv', bytes: utf8(csv) }], results: [] });
		expect(csvOnly.byteLength).toBeLessThan(csv.length / 3);
	});

	it('writes the manifest the layout describes', () => {
		const manifest = JSON.parse(new TextDecoder().decode(unzipSync(zip)['manifest.json']));
		expect(manifest).toEqual({
			format: 'crm-workbench-notebook-file',
			version: 1,
			files: [
				{ key: 'f_customers', name: 'customers.csv', bytes: content.files[0].bytes.byteLength, path: 'files/1' },
				{ key: 'f_blob', name: 'données.parquet', bytes: 1024 * 1024, path: 'files/2' }
			],
			results: [
				{ key: 'r_forest', path: 'results/1.json' },
				{ key: 'r_segments', path: 'results/2.json' }
			]
		});
	});

	it('packBundle refuses keys it could not read back', () => {
		expect(() => packBundle({ notebook: '{}', files: [{ key: '', name: 'a.csv', bytes: new Uint8Array() }], results: [] })).toThrow(TypeError);
		expect(() => packBundle({ notebook: '{}', files: [], results: [{ key: 'r', value: 1 }, { key: 'r', value: 2 }] })).toThrow(TypeError);
	});

	it.each<[string, () => Uint8Array, NotebookFileProblemCode]>([
		['not a zip', () => utf8('{"format":"crm-workbench-notebook"}'), 'not-notebook-file'],
		['empty', () => new Uint8Array(), 'not-notebook-file'],
		['a zip without a manifest', () => zipSync({ 'readme.txt': utf8('hello') }), 'not-notebook-file'],
		['a manifest that is not JSON', () => repack(zip, (e) => void (e['manifest.json'] = utf8('{"format":'))), 'not-notebook-file'],
		['another format', () => withManifest(zip, (m) => void (m.format = 'something-else')), 'not-notebook-file'],
		['a newer version', () => withManifest(zip, (m) => void (m.version = 2)), 'newer-version'],
		['a version that is not a number', () => withManifest(zip, (m) => void (m.version = '1')), 'damaged'],
		['a cut zip', () => zip.subarray(0, zip.length >> 1), 'damaged'],
		['a listed file missing', () => repack(zip, (e) => void delete e['files/2']), 'damaged'],
		['a listed result missing', () => repack(zip, (e) => void delete e['results/1.json']), 'damaged'],
		['no notebook.json', () => repack(zip, (e) => void delete e['notebook.json']), 'damaged'],
		['a file size that differs from the manifest', () => withManifest(zip, (m) => void (m.files[0].bytes += 1)), 'damaged'],
		['a file entry of another size', () => repack(zip, (e) => void (e['files/1'] = e['files/1'].subarray(1))), 'damaged'],
		['a result that is not JSON', () => repack(zip, (e) => void (e['results/2.json'] = utf8('{"k": 3,'))), 'damaged'],
		['a result with an unknown tag', () => repack(zip, (e) => void (e['results/2.json'] = utf8('{"$kept": "Blob"}'))), 'damaged'],
		['a notebook that is not UTF-8', () => repack(zip, (e) => void (e['notebook.json'] = new Uint8Array([0x7b, 0xff, 0x7d]))), 'damaged'],
		['an empty file key', () => withManifest(zip, (m) => void (m.files[0].key = '')), 'damaged'],
		['a file key that is not a string', () => withManifest(zip, (m) => void (m.files[1].key = 7)), 'damaged'],
		['a missing result key', () => withManifest(zip, (m) => void delete m.results[0].key), 'damaged'],
		['two files with one key', () => withManifest(zip, (m) => void (m.files[1].key = m.files[0].key)), 'damaged'],
		['two results with one key', () => withManifest(zip, (m) => void (m.results[1].key = 'r_forest')), 'damaged'],
		['a path of its own', () => withManifest(zip, (m) => void (m.files[0].path = '../../etc/passwd')), 'damaged'],
		['files that are not a list', () => withManifest(zip, (m) => void (m.files = {})), 'damaged'],
		['a file without a name', () => withManifest(zip, (m) => void delete m.files[0].name), 'damaged']
	])('refuses %s', async (_, make, code) => {
		expect(await problemOf(() => unpackBundle(make()))).toBe(code);
	});

	/** `zip` with the unpacked size its central directory declares for each entry in `sizes` changed. */
	function declaringSizes(zip: Uint8Array, sizes: Record<string, number>): Uint8Array {
		const patched = zip.slice();
		const view = new DataView(patched.buffer);
		const done = new Set<string>();
		for (let at = 0; at + 46 <= patched.length; at++) {
			if (view.getUint32(at, true) !== 0x02014b50) continue; // a central directory header
			const name = new TextDecoder().decode(patched.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
			if (name in sizes && !done.has(name)) {
				view.setUint32(at + 24, sizes[name], true);
				done.add(name);
			}
		}
		expect([...done].sort()).toEqual(Object.keys(sizes).sort());
		return patched;
	}

	it('refuses a zip that declares more than 4 GiB unpacked, before unpacking anything', async () => {
		// Each file entry declares 3.75 GiB: the zip itself stays small, and nothing is allocated for it.
		const patched = declaringSizes(zip, { 'files/1': 0xf0000000, 'files/2': 0xf0000000 });
		expect(await problemOf(() => unpackBundle(patched))).toBe('too-large');
	});

	it('refuses an entry whose data is shorter than the size it declares', async () => {
		const size = content.files[0].bytes.byteLength;
		// Stored, so that fflate reads the entry's bytes as they are; the directory then lies about their size.
		const cut = zipSync({ ...unzipSync(zip), 'files/1': [content.files[0].bytes.subarray(1), { level: 0 }] });
		const lying = declaringSizes(cut, { 'files/1': size });
		expect(() => unpackBundle(lying)).toThrow(expect.objectContaining({ code: 'damaged', detail: `files/1 has ${size - 1} bytes, the manifest says ${size}` }));
	});

	it('says which entry is wrong', () => {
		const broken = repack(zip, (e) => void delete e['files/2']);
		expect(() => unpackBundle(broken)).toThrow(expect.objectContaining({ code: 'damaged', detail: 'files/2 is missing' }));
	});
});

describe('encryptBytes / decryptBytes', () => {
	const QUICK = { iterations: 100_000 };
	const HEADER = 58; // magic 9 + version 1 + iterations 4 + salt 16 + iv 12 + check 16
	const plain = randomBytes(4096);
	let sealed: Uint8Array;
	beforeAll(async () => {
		sealed = await encryptBytes(plain, 'correct horse battery staple', QUICK);
	});

	const flipped = (bytes: Uint8Array, at: number) => {
		const copy = bytes.slice();
		copy[at] ^= 0x01;
		return copy;
	};

	it('decryptBytes(encryptBytes(plain)) gives the bytes back; the file holds the header and the tagged ciphertext', async () => {
		expect(await decryptBytes(sealed, 'correct horse battery staple')).toEqual(plain);
		expect(sealed.length).toBe(HEADER + plain.length + 16);
		expect(new TextDecoder().decode(sealed.subarray(0, 9))).toBe('CRMWB-ENC');
		expect(sealed[9]).toBe(1);
		expect(new DataView(sealed.buffer, sealed.byteOffset).getUint32(10, false)).toBe(100_000);
	});

	it('round-trips empty input and a sealed subarray of a larger buffer', async () => {
		const empty = await encryptBytes(new Uint8Array(), 'p', QUICK);
		expect(await decryptBytes(empty, 'p')).toEqual(new Uint8Array());
		const framed = new Uint8Array(sealed.length + 10);
		framed.set(sealed, 5);
		expect(await decryptBytes(framed.subarray(5, 5 + sealed.length), 'correct horse battery staple')).toEqual(plain);
	});

	it(`uses ${DEFAULT_ITERATIONS.toLocaleString('en')} PBKDF2 iterations by default, written in the header`, async () => {
		expect(DEFAULT_ITERATIONS).toBe(600_000);
		const withDefault = await encryptBytes(utf8('{}'), 'secret');
		expect(new DataView(withDefault.buffer, withDefault.byteOffset).getUint32(10, false)).toBe(600_000);
		expect(new TextDecoder().decode(await decryptBytes(withDefault, 'secret'))).toBe('{}');
	});

	it('reads the passphrase as NFC: "é" typed as one character or as e + accent is the same', async () => {
		const sealedNfc = await encryptBytes(utf8('x'), 'caf\u00e9', QUICK);
		expect(new TextDecoder().decode(await decryptBytes(sealedNfc, 'cafe\u0301'))).toBe('x');
	});

	it('refuses a wrong passphrase as such', async () => {
		expect(await problemOf(() => decryptBytes(sealed, 'correct horse battery stapler'))).toBe('wrong-passphrase');
		expect(await problemOf(() => decryptBytes(sealed, 'Correct horse battery staple'))).toBe('wrong-passphrase');
	});

	it('refuses a ciphertext or tag changed by one byte as altered', async () => {
		const positions = [HEADER, HEADER + 1, HEADER + 2048, sealed.length - 17, sealed.length - 16, sealed.length - 8, sealed.length - 1];
		for (const at of positions) {
			expect([at, await problemOf(() => decryptBytes(flipped(sealed, at), 'correct horse battery staple'))]).toEqual([at, 'altered']);
		}
	});

	it('refuses a changed salt, iv or check', async () => {
		for (const at of [14, 29, 30, 41, 42, 57]) {
			expect(['wrong-passphrase', 'altered']).toContain(await problemOf(() => decryptBytes(flipped(sealed, at), 'correct horse battery staple')));
		}
	});

	it('refuses a cut file as damaged', async () => {
		for (const length of [10, 20, HEADER, HEADER + 15]) {
			expect(await problemOf(() => decryptBytes(sealed.subarray(0, length), 'correct horse battery staple'))).toBe('damaged');
		}
		// Cut inside the ciphertext: the header is whole, the tag is not the one written.
		expect(await problemOf(() => decryptBytes(sealed.subarray(0, sealed.length - 1), 'correct horse battery staple'))).toBe('altered');
	});

	it('refuses an iteration count out of 100,000..10,000,000 as damaged, without deriving a key', async () => {
		const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits');
		try {
			for (const iterations of [99_999, 10_000_001, 0xffffffff]) {
				const changed = sealed.slice();
				new DataView(changed.buffer).setUint32(10, iterations, false);
				expect(await problemOf(() => decryptBytes(changed, 'correct horse battery staple'))).toBe('damaged');
			}
			expect(deriveBits).not.toHaveBeenCalled();
		} finally {
			deriveBits.mockRestore();
		}
		await expect(encryptBytes(plain, 'p', { iterations: 1000 })).rejects.toThrow(RangeError);
	});

	it('refuses another magic as not encrypted, a newer version as newer, version 0 as damaged', async () => {
		expect(await problemOf(() => decryptBytes(flipped(sealed, 0), 'correct horse battery staple'))).toBe('not-notebook-file');
		expect(await problemOf(() => decryptBytes(utf8('{"cells": []}'), 'x'))).toBe('not-notebook-file');
		const newer = sealed.slice();
		newer[9] = 2;
		expect(await problemOf(() => decryptBytes(newer, 'correct horse battery staple'))).toBe('newer-version');
		const zero = sealed.slice();
		zero[9] = 0;
		expect(await problemOf(() => decryptBytes(zero, 'correct horse battery staple'))).toBe('damaged');
	});

	it('refuses an empty passphrase', async () => {
		expect(await problemOf(() => encryptBytes(plain, ''))).toBe('empty-passphrase');
		expect(await problemOf(() => decryptBytes(sealed, ''))).toBe('empty-passphrase');
	});

	it('seals the same input differently each time (random salt and iv)', async () => {
		const again = await encryptBytes(plain, 'correct horse battery staple', QUICK);
		expect(again.subarray(14, 30)).not.toEqual(sealed.subarray(14, 30));
		expect(again.subarray(30, 42)).not.toEqual(sealed.subarray(30, 42));
		expect(again.subarray(HEADER)).not.toEqual(sealed.subarray(HEADER));
	});
});

describe('isEncrypted / notebookFileKind', () => {
	it('tells each kind of file apart by its first bytes', async () => {
		const bundle = packBundle({ notebook: '{}', files: [], results: [] });
		const sealed = await encryptBytes(bundle, 'pass', { iterations: 100_000 });
		expect(notebookFileKind(sealed)).toBe('encrypted');
		expect(notebookFileKind(bundle)).toBe('bundle');
		expect(notebookFileKind(utf8('{"format": "crm-workbench-notebook"}'))).toBe('json');
		expect(notebookFileKind(utf8('\ufeff \r\n\t{}'))).toBe('json');
		expect(notebookFileKind(utf8('[1, 2]'))).toBe('unknown');
		expect(notebookFileKind(utf8('customer_id,plan\n'))).toBe('unknown');
		expect(notebookFileKind(new Uint8Array())).toBe('unknown');
		expect(notebookFileKind(utf8('PK'))).toBe('unknown');
		expect(isEncrypted(sealed)).toBe(true);
		expect(isEncrypted(bundle)).toBe(false);
		expect(isEncrypted(utf8('CRMWB-EN'))).toBe(false);
	});

	it('a sealed bundle opens back to the same content', async () => {
		const content: BundleContent = { notebook: '{"cells": []}', files: [{ key: 'f', name: 'a.csv', bytes: utf8('a,b\n1,2\n') }], results: [{ key: 'r', value: { auc: NaN } }] };
		const sealed = await encryptBytes(packBundle(content), 'pass', { iterations: 100_000 });
		const opened = await decryptBytes(sealed, 'pass');
		expect(notebookFileKind(opened)).toBe('bundle');
		expect(unpackBundle(opened)).toStrictEqual(content);
	});
});
