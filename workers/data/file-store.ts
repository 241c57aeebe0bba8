import type { StoredFile } from './api';

/** Where the original bytes of dropped files are kept, so a reload can re-import them. */
export interface FileStore {
	put(key: string, bytes: Uint8Array): Promise<void>;
	/** The bytes, or null when nothing is kept under `key`. */
	get(key: string): Promise<Uint8Array | null>;
	has(key: string): Promise<boolean>;
	delete(key: string): Promise<void>;
	/** Every kept file with its size (what the privacy panel lists). */
	list(): Promise<StoredFile[]>;
	clear(): Promise<void>;
}
