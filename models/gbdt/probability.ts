/**
 * The logistic probability 1 / (1 + e^−margin) of boosting's gradients, on
 * one fixed recipe that the WebAssembly kernel (kernels/logistic-pairs.wat)
 * follows operation for operation: both give the same bits, so a fit's trees
 * do not depend on which one ran. Math.exp cannot be that reference: engines
 * implement it differently, and it costs ~9 ns a row where the kernel's two
 * rows at a time cost about one.
 *
 * e^x: x = k ln 2 + r with |r| ≤ ln 2 / 2 (Cody–Waite: ln 2 in two parts, so
 * k ln2_hi is exact), e^r by its Taylor series to r^12 (truncation below
 * 2e-16 relative) summed on Estrin's scheme (pairs of terms, then pairs of
 * pairs: a short dependency chain, which made the kernel ~2x faster than
 * Horner's), times 2^k from a table. Within 3 ulp of Math.exp.
 */

const LOG2E = 1.4426950408889634;
const LN2_HI = 0.69314718036912382;
const LN2_LO = 1.9082149292705877e-10;
/** Adding and taking back 1.5 · 2^52 rounds to the nearest integer. */
const ROUND = 1.5 * 2 ** 52;
/** |x| is capped here: e^x stays finite and 2^k a normal number. */
export const EXP_LIMIT = 708;
/** 1 / j! for j = 2 … 12 (the same literals as the kernel's). */
const C2 = 0.5;
const C3 = 0.16666666666666666;
const C4 = 0.041666666666666664;
const C5 = 0.0083333333333333332;
const C6 = 0.0013888888888888889;
const C7 = 0.00019841269841269841;
const C8 = 0.000024801587301587302;
const C9 = 0.0000027557319223985893;
const C10 = 2.7557319223985888e-7;
const C11 = 2.505210838544172e-8;
const C12 = 2.08767569878681e-9;

/** 2^k for k = −1022 … 1023 at POW2[k + 1022] (exact). */
const POW2 = Float64Array.from({ length: 2046 }, (_, i) => 2 ** (i - 1022));

/** e^x on the kernel's recipe. */
export function kernelExp(x: number): number {
	const c = x < -EXP_LIMIT ? -EXP_LIMIT : x > EXP_LIMIT ? EXP_LIMIT : x;
	const k = c * LOG2E + ROUND - ROUND;
	const r = c - k * LN2_HI - k * LN2_LO;
	const r2 = r * r;
	const r4 = r2 * r2;
	const a = 1 + 1 * r + (C2 + C3 * r) * r2;
	const b = C4 + C5 * r + (C6 + C7 * r) * r2;
	const d = C8 + C9 * r + (C10 + C11 * r) * r2;
	const e = a + b * r4 + (d + C12 * r4) * (r4 * r4);
	return e * POW2[k + 1022];
}

/** 1 / (1 + e^−margin). */
export function logisticProbability(margin: number): number {
	return 1 / (1 + kernelExp(-margin));
}
