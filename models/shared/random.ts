/**
 * Seeded randomness for every model: all sampling derives from `ctx.seed`
 * so that the same data, params and seed give the same state.
 */

/**
 * A mulberry32 generator: `createRng(seed)()` returns a float in [0, 1).
 * Small, fast and good enough for bootstrap / subsampling (not crypto).
 * @example const rng = createRng(42); const u = rng();
 */
export function createRng(seed: number): () => number {
	// Mix the seed once (splitmix-like) so nearby seeds give unrelated streams.
	let state = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A random integer in [0, n). */
export function randomInt(rng: () => number, n: number): number {
	return Math.floor(rng() * n);
}

/** Shuffles `items` in place (Fisher–Yates) and returns it. */
export function shuffle<T extends { length: number; [i: number]: unknown }>(items: T, rng: () => number): T {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		const tmp = items[i];
		items[i] = items[j];
		items[j] = tmp;
	}
	return items;
}
