/**
 * FileStore on the Origin Private File System: the original bytes of dropped
 * files stay in this browser (never uploaded) so a reload can re-import them.
 * Files live in a `files` folder, named by their URI-encoded key.
 */
import type { StoredFile } from './api';
import type { FileStore } from './file-store';

/** Worker-only OPFS API, not in TypeScript's DOM lib. */
interface SyncAccessHandle {
	truncate(size: number): void;
	write(data: Uint8Array, options: { at: number }): number;
	flush(): void;
	close(): void;
}
type SyncCapable = FileSystemFileHandle & { createSyncAccessHandle?: () => Promise<SyncAccessHandle> };

const FOLDER = 'files';

function fileName(key: string): string {
	return encodeURIComponent(key);
}

function isNotFound(e: unknown): boolean {
	return e instanceof DOMException && (e.name === 'NotFoundError' || e.name === 'TypeMismatchError');
}

export class OpfsStore implements FileStore {
	#folder: Promise<FileSystemDirectoryHandle> | null = null;

	#dir(): Promise<FileSystemDirectoryHandle> {
		if (!this.#folder) {
			if (!globalThis.navigator?.storage?.getDirectory) {
				return Promise.reject(new Error("This browser cannot keep files locally (no Origin Private File System)."));
			}
			this.#folder = navigator.storage.getDirectory().then((root) => root.getDirectoryHandle(FOLDER, { create: true }));
			this.#folder.catch(() => (this.#folder = null));
		}
		return this.#folder;
	}

	async put(key: string, bytes: Uint8Array): Promise<void> {
		const handle = (await (await this.#dir()).getFileHandle(fileName(key), { create: true })) as SyncCapable;
		if (handle.createSyncAccessHandle) {
			// Fastest path, available in dedicated workers (where this store runs).
			const access = await handle.createSyncAccessHandle();
			try {
				access.truncate(0);
				access.write(bytes, { at: 0 });
				access.flush();
			} finally {
				access.close();
			}
			return;
		}
		const writable = await handle.createWritable();
		await writable.write(bytes as Uint8Array<ArrayBuffer>);
		await writable.close();
	}

	async get(key: string): Promise<Uint8Array | null> {
		try {
			const handle = await (await this.#dir()).getFileHandle(fileName(key));
			return new Uint8Array(await (await handle.getFile()).arrayBuffer());
		} catch (e) {
			if (isNotFound(e)) return null;
			throw e;
		}
	}

	async has(key: string): Promise<boolean> {
		try {
			await (await this.#dir()).getFileHandle(fileName(key));
			return true;
		} catch (e) {
			if (isNotFound(e)) return false;
			throw e;
		}
	}

	async delete(key: string): Promise<void> {
		try {
			await (await this.#dir()).removeEntry(fileName(key));
		} catch (e) {
			if (!isNotFound(e)) throw e;
		}
	}

	async list(): Promise<StoredFile[]> {
		// Async iteration of a folder is not in TypeScript's DOM lib yet.
		const folder = (await this.#dir()) as FileSystemDirectoryHandle & { values(): AsyncIterable<FileSystemHandle> };
		const files: StoredFile[] = [];
		for await (const handle of folder.values()) {
			if (handle.kind !== 'file') continue;
			files.push({ key: decodeURIComponent(handle.name), bytes: (await (handle as FileSystemFileHandle).getFile()).size });
		}
		return files;
	}

	async clear(): Promise<void> {
		const root = await navigator.storage.getDirectory();
		this.#folder = null;
		try {
			await root.removeEntry(FOLDER, { recursive: true });
		} catch (e) {
			if (!isNotFound(e)) throw e;
		}
	}
}
