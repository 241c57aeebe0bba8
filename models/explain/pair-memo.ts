/**
 * A map from a pair of small non-negative ints (a, b) to an int, for
 * memoising per-subtree results across rows. When the pair fits in
 * `directBits` bits it indexes a table directly (one memory access),
 * otherwise an open-addressing hash. `clear` is O(1) either way (a
 * generation stamp marks live slots), so one memo serves every subtree of
 * every tree and a lookup allocates nothing.
 */
export class PairMemo {
	/** Direct table: [generation, value] per key. */
	private readonly direct: Int32Array;
	/** Hash table: [generation, a, b, value] per slot. */
	private hash = new Int32Array(4 * 1024);
	private generation = 0;
	private count = 0;
	/** Bits of b in a direct key, or -1 in hash mode. */
	private bBits = -1;

	constructor(private readonly directBits: number) {
		this.direct = new Int32Array(2 << directBits);
	}

	/** Forgets every pair; keys until the next clear have `aBits` and `bBits` bits. */
	clear(aBits: number, bBits: number): void {
		this.generation++;
		this.count = 0;
		this.bBits = aBits + bBits <= this.directBits ? bBits : -1;
	}

	/** The value stored for (a, b), or -1. */
	get(a: number, b: number): number {
		if (this.bBits >= 0) {
			const key = ((a << this.bBits) | b) << 1;
			return this.direct[key] === this.generation ? this.direct[key + 1] : -1;
		}
		const { hash, generation } = this;
		const mask = hash.length / 4 - 1;
		for (let i = mix(a, b) & mask; ; i = (i + 1) & mask) {
			const at = 4 * i;
			if (hash[at] !== generation) return -1;
			if (hash[at + 1] === a && hash[at + 2] === b) return hash[at + 3];
		}
	}

	/** Stores (a, b) → v; (a, b) must be absent. */
	set(a: number, b: number, v: number): void {
		if (this.bBits >= 0) {
			const key = ((a << this.bBits) | b) << 1;
			this.direct[key] = this.generation;
			this.direct[key + 1] = v;
			return;
		}
		// Kept at most half full so probes stay short.
		if (2 * (this.count + 1) > this.hash.length / 4) this.grow();
		this.insert(a, b, v);
	}

	private insert(a: number, b: number, v: number): void {
		const { hash, generation } = this;
		const mask = hash.length / 4 - 1;
		let i = mix(a, b) & mask;
		while (hash[4 * i] === generation) i = (i + 1) & mask;
		hash[4 * i] = generation;
		hash[4 * i + 1] = a;
		hash[4 * i + 2] = b;
		hash[4 * i + 3] = v;
		this.count++;
	}

	private grow(): void {
		const old = this.hash;
		const generation = this.generation;
		this.hash = new Int32Array(2 * old.length);
		this.count = 0;
		for (let at = 0; at < old.length; at += 4) if (old[at] === generation) this.insert(old[at + 1], old[at + 2], old[at + 3]);
	}
}

function mix(a: number, b: number): number {
	const h = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1);
	return h ^ (h >>> 15);
}
