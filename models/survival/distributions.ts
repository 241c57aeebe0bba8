/**
 * The few distributions the survival reports need, in double precision: the
 * normal quantile for confidence bands and the upper tails of the normal
 * and χ² laws for p-values. Both tails come from one regularised upper
 * incomplete gamma function, so tiny p-values keep their digits (R prints
 * them, and a churn analyst reads "p < 1e-16" differently from "p = 0").
 */

const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
	-0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function logGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
	const z = x - 1;
	let sum = LANCZOS[0];
	for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
	const t = z + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Q(a, x) = Γ(a, x) / Γ(a): a series below a + 1, Lentz's continued fraction above. */
export function upperGammaRegularized(a: number, x: number): number {
	if (!(x > 0)) return 1;
	if (!Number.isFinite(x)) return 0;
	const logPrefix = a * Math.log(x) - x - logGamma(a);
	if (x < a + 1) {
		let term = 1 / a;
		let sum = term;
		for (let n = 1; n < 1000; n++) {
			term *= x / (a + n);
			sum += term;
			if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
		}
		return 1 - sum * Math.exp(logPrefix);
	}
	const tiny = 1e-300;
	let b = x + 1 - a;
	let c = 1 / tiny;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < 1000; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < tiny) d = tiny;
		c = b + an / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < 1e-16) break;
	}
	return Math.exp(logPrefix) * h;
}

/** P(χ²_df > x). */
export function chiSquareUpperTail(x: number, df: number): number {
	return upperGammaRegularized(df / 2, x / 2);
}

/** P(|Z| > |z|) for a standard normal Z: the two-sided p-value of a Wald z. */
export function twoSidedNormalP(z: number): number {
	return upperGammaRegularized(0.5, (z * z) / 2);
}

/** P(Z > z). */
function normalUpperTail(z: number): number {
	const half = 0.5 * upperGammaRegularized(0.5, (z * z) / 2);
	return z >= 0 ? half : 1 - half;
}

/** The standard normal quantile: Acklam's approximation, polished by Halley steps to full precision. */
export function normalQuantile(p: number): number {
	if (!(p > 0 && p < 1)) throw new Error(`invalid probability: ${p}`);
	const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
	const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155211977];
	const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	let x: number;
	if (p < 0.02425) {
		const q = Math.sqrt(-2 * Math.log(p));
		x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	} else if (p <= 1 - 0.02425) {
		const q = p - 0.5;
		const r = q * q;
		x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	} else {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	for (let i = 0; i < 2; i++) {
		const e = 1 - normalUpperTail(x) - p;
		const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
		x -= u / (1 + (x * u) / 2);
	}
	return x;
}
