/** An in-memory FileStore for unit tests (and browsers without OPFS: lost on reload). */
import type { StoredFile } from './api';
import type { FileStore } from './file-store';

export class MemoryStore implements FileStore {
	#files = new Map<string, Uint8Array>();

	async put(key: string, bytes: Uint8Array): Promise<void> {
		this.#files.set(key, bytes.slice()); // a copy: the caller may transfer or reuse its buffer
	}
	async get(key: string): Promise<Uint8Array | null> {
		return this.#files.get(key)?.slice() ?? null;
	}
	async has(key: string): Promise<boolean> {
		return this.#files.has(key);
	}
	async delete(key: string): Promise<void> {
		this.#files.delete(key);
	}
	async list(): Promise<StoredFile[]> {
		return [...this.#files].map(([key, bytes]) => ({ key, bytes: bytes.byteLength }));
	}
	async clear(): Promise<void> {
		this.#files.clear();
	}
}
