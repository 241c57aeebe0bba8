/**
 * Self-contained notebook files: the notebook, its tables' source files and
 * its kept results in one zip (`packBundle`), optionally sealed with a
 * passphrase (`encryptBytes`). Pure: no Svelte, no DOM beyond WebCrypto.
 */
import { startsLikeZip } from './bundle';
import { isEncrypted } from './envelope';

export { BUNDLE_FORMAT, BUNDLE_VERSION, MAX_UNPACKED_BYTES, packBundle, unpackBundle, type BundleContent } from './bundle';
export { DEFAULT_ITERATIONS, MAX_ITERATIONS, MIN_ITERATIONS, decryptBytes, encryptBytes, isEncrypted } from './envelope';
export { NotebookFileProblem, type NotebookFileProblemCode } from './errors';
export { decodeKept, encodeKept } from './kept-values';

/** What an opened file holds, from its first bytes: how to read it (and whether to ask for a passphrase). */
export type NotebookFileKind = 'encrypted' | 'bundle' | 'json' | 'unknown';

export function notebookFileKind(bytes: Uint8Array): NotebookFileKind {
	if (isEncrypted(bytes)) return 'encrypted';
	if (startsLikeZip(bytes)) return 'bundle';
	// A notebook exported as plain JSON (the format before bundles): `{` after an optional BOM and whitespace.
	let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	while (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d) i++;
	return bytes[i] === 0x7b ? 'json' : 'unknown';
}
