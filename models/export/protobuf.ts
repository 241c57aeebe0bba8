/**
 * The few protocol-buffer wire rules an ONNX file needs, write-only: varints,
 * length-delimited fields, packed numbers. A full protobuf runtime and the
 * ONNX schema would add a few hundred kB to the worker for eight message
 * types that are only ever written (ONNX Runtime and the ONNX checker read them
 * in the tests).
 */
export class ProtoWriter {
	private chunks: Uint8Array[] = [];
	private bytes: number[] = [];
	private size = 0;

	private flush(): void {
		if (!this.bytes.length) return;
		this.chunks.push(Uint8Array.from(this.bytes));
		this.size += this.bytes.length;
		this.bytes = [];
	}

	private varint(value: number | bigint): void {
		// int64 fields: negatives are written as their 64-bit two's complement (ten bytes).
		let v = BigInt.asUintN(64, BigInt(value));
		while (v > 0x7fn) {
			this.bytes.push(Number(v & 0x7fn) | 0x80);
			v >>= 7n;
		}
		this.bytes.push(Number(v));
	}

	private tag(field: number, wire: 0 | 1 | 2 | 5): void {
		this.varint((field << 3) | wire);
	}

	int(field: number, value: number | bigint): this {
		this.tag(field, 0);
		this.varint(value);
		return this;
	}

	float(field: number, value: number): this {
		this.tag(field, 5);
		const b = new Uint8Array(4);
		new DataView(b.buffer).setFloat32(0, value, true);
		this.bytes.push(...b);
		return this;
	}

	bytesField(field: number, value: Uint8Array): this {
		this.tag(field, 2);
		this.varint(value.length);
		this.flush();
		this.chunks.push(value);
		this.size += value.length;
		return this;
	}

	string(field: number, value: string): this {
		return this.bytesField(field, new TextEncoder().encode(value));
	}

	message(field: number, inner: ProtoWriter): this {
		return this.bytesField(field, inner.finish());
	}

	packedInts(field: number, values: ArrayLike<number>): this {
		const inner = new ProtoWriter();
		for (let i = 0; i < values.length; i++) inner.varint(values[i]);
		return this.bytesField(field, inner.finish());
	}

	packedFloats(field: number, values: ArrayLike<number>): this {
		return this.bytesField(field, new Uint8Array(Float32Array.from(values).buffer));
	}

	packedDoubles(field: number, values: ArrayLike<number>): this {
		return this.bytesField(field, new Uint8Array(Float64Array.from(values).buffer));
	}

	finish(): Uint8Array {
		this.flush();
		const out = new Uint8Array(this.size);
		let at = 0;
		for (const c of this.chunks) out.set(c, at), (at += c.length);
		return out;
	}
}
