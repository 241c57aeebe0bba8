/**
 * A purchase log shaped like the classic CD-store log (CDNOW, 1997–98): one
 * cohort that first bought in the first quarter, about half of it never
 * again, the rest coming back at falling rates over 18 months. That shape is
 * what broke `ntile(5)`: the one-purchase half is one long run of ties.
 * Seeded, so every run is the same log.
 */

/** `customers` customers as `customer,date,amount` CSV (ISO dates), ending on or before 1998-06-30. */
export function cohortLogCsv(customers = 2000, seed = 7): string {
	let state = seed >>> 0;
	// mulberry32: a tiny seeded generator, enough for a fixture.
	const random = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	const start = Date.UTC(1997, 0, 1);
	const lastDay = 545; // 1998-06-30
	const lines = ['customer,date,amount'];
	for (let c = 0; c < customers; c++) {
		const id = `K${String(c).padStart(5, '0')}`;
		// Whole-dollar prices from a short list: equal amounts are common too.
		const amount = () => [12, 15, 15, 20, 25, 30, 45][Math.floor(random() * 7)];
		let day = Math.floor(random() * 90);
		const stays = random() < 0.5 ? 0 : 0.65 + random() * 0.3;
		do {
			lines.push(`${id},${new Date(start + day * 86_400_000).toISOString().slice(0, 10)},${amount()}`);
			day += 7 + Math.floor(random() * 120);
		} while (day <= lastDay && random() < stays);
	}
	return lines.join('\n') + '\n';
}
