/**
 * What makes a Parquet file unreadable, told before decoding starts: not
 * Parquet at all, cut short (an interrupted download), encrypted, or
 * compressed with a codec we have no decompressor for. The decoder's own
 * errors ("invalid footer length") would not tell an analyst what to do.
 */
import type { FileMetaData } from 'hyparquet';
import { messageOf } from '../errors';

/** Every Parquet file starts and ends with these 4 bytes; an encrypted footer ends with `PARE`. */
const MAGIC = [0x50, 0x41, 0x52, 0x31];
const ENCRYPTED_MAGIC = [0x50, 0x41, 0x52, 0x45];
/** Leading magic, footer length (4 bytes), trailing magic. */
const SMALLEST = 12;

/** The codecs hyparquet-compressors decodes (LZO has no decoder in JavaScript). */
export const READABLE_CODECS: ReadonlySet<string> = new Set(['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI', 'ZSTD', 'LZ4', 'LZ4_RAW']);

const at = (bytes: Uint8Array, offset: number, magic: number[]) => magic.every((b, i) => bytes[offset + i] === b);

/** Throws, in words, when `bytes` cannot be a whole, plain Parquet file. */
export function assertParquetBytes(bytes: Uint8Array, fileName: string): void {
	if (!at(bytes, 0, MAGIC)) {
		throw new Error(`${fileName} is not a Parquet file: Parquet files start with the marker "PAR1", and this one does not. If it holds CSV or JSON, give it that extension.`);
	}
	const end = bytes.length - 4;
	if (bytes.length >= SMALLEST && at(bytes, end, ENCRYPTED_MAGIC)) {
		throw new Error(`${fileName} is an encrypted Parquet file, which this workbench cannot read. Export it again without encryption.`);
	}
	const footer = bytes.length >= SMALLEST ? new DataView(bytes.buffer, bytes.byteOffset + end - 4, 4).getUint32(0, true) : 0;
	if (bytes.length < SMALLEST || !at(bytes, end, MAGIC) || footer > bytes.length - SMALLEST) {
		throw new Error(`${fileName} is incomplete: it starts like a Parquet file but its end is missing (an interrupted download or copy?). Download or export it again.`);
	}
}

/** Throws when a column of `metadata` uses a codec we cannot decompress. */
export function assertReadableCodecs(metadata: FileMetaData, fileName: string): void {
	const codecs = new Set(metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec ?? 'UNCOMPRESSED')));
	const unreadable = [...codecs].filter((c) => !READABLE_CODECS.has(c));
	if (unreadable.length) {
		throw new Error(`${fileName} is compressed with ${unreadable.join(' and ')}, which this workbench cannot read. Save it again with Snappy, Zstandard or gzip compression (or none).`);
	}
}

/** A decoder failure on a file that passed the checks above. */
export const damaged = (fileName: string, e: unknown) =>
	new Error(`${fileName} could not be read as Parquet: it looks damaged (${messageOf(e)}). Export it again from its source.`);
