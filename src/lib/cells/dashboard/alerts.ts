/**
 * Alert rules over a scored table, evaluated on one row per customer (pure:
 * the cell reads the rows by SQL). "Risk up since the last scoring" compares
 * with the probabilities kept from the previous scoring, by customer id.
 */

/** The rules, in the order the alerts panel lists them. */
export const ALERT_RULES = ['risk', 'rise', 'sentiment', 'value'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** What a rule reads of one customer. */
export interface CustomerScore {
	id: string;
	probability: number;
	/** Value per period (monthly_charges), null when none is chosen or missing. */
	value: number | null;
	/** Sentiment score (0 = negative … 1 = positive), null when none is joined or missing. */
	sentiment: number | null;
}

/** The rules' settings (the dashboard's params). */
export interface AlertSettings {
	alertRisk: number;
	alertRiseOn: boolean;
	alertRise: number;
	/** False when no sentiment column is joined. */
	sentimentOn: boolean;
	sentimentBelow: number;
	/** 0 = off. */
	valueAtRisk: number;
}

/** One customer caught by one rule; `detail` is the previous probability, the sentiment or the value at risk. */
export interface Alert {
	rule: AlertRule;
	id: string;
	probability: number;
	detail: number;
}

/** Probabilities of one scoring by customer id, and what identifies that scoring. */
export interface ScoringSnapshot {
	signature: string;
	ids: string[];
	probabilities: number[];
}

/** The latest scoring seen and the one before it (kept with the notebook's results). */
export interface ScoringHistory {
	latest: ScoringSnapshot;
	previous: ScoringSnapshot | null;
}

/** Identifies a scoring by its customers and probabilities (FNV-1a over id and probability to 1e-6). */
export function scoringSignature(customers: Pick<CustomerScore, 'id' | 'probability'>[]): string {
	let hash = 0x811c9dc5;
	for (const c of customers) {
		const text = `${c.id}\u0000${Math.round(c.probability * 1e6)}\u0001`;
		for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
	}
	return `${customers.length}:${hash.toString(16)}`;
}

/** The snapshot of `customers` (those without an id are left out: they cannot be matched later). */
export function snapshotOf(customers: CustomerScore[]): ScoringSnapshot {
	const named = customers.filter((c) => c.id !== '');
	return { signature: scoringSignature(named), ids: named.map((c) => c.id), probabilities: named.map((c) => c.probability) };
}

/**
 * The history after seeing `current`: unchanged when it is the latest scoring
 * again (a reload, a filter), else the latest becomes the previous one.
 */
export function nextHistory(kept: ScoringHistory | null, current: ScoringSnapshot): ScoringHistory {
	if (!kept) return { latest: current, previous: null };
	if (kept.latest.signature === current.signature) return kept;
	return { latest: current, previous: kept.latest };
}

/** Probability by customer id of a snapshot. */
export function probabilitiesById(snapshot: ScoringSnapshot | null): Map<string, number> | null {
	return snapshot ? new Map(snapshot.ids.map((id, i) => [id, snapshot.probabilities[i]])) : null;
}

/** Every alert of every rule, highest probability first within a rule, and the count per rule. */
export function evaluateAlerts(customers: CustomerScore[], settings: AlertSettings, previous: Map<string, number> | null): { counts: Record<AlertRule, number>; alerts: Alert[] } {
	const found: Record<AlertRule, Alert[]> = { risk: [], rise: [], sentiment: [], value: [] };
	for (const c of customers) {
		const p = c.probability;
		if (!Number.isFinite(p)) continue;
		if (p >= settings.alertRisk) found.risk.push({ rule: 'risk', id: c.id, probability: p, detail: p });
		const before = previous?.get(c.id);
		if (settings.alertRiseOn && before !== undefined && p - before >= settings.alertRise && p - before > 0) {
			found.rise.push({ rule: 'rise', id: c.id, probability: p, detail: before });
		}
		if (settings.sentimentOn && c.sentiment !== null && c.sentiment < settings.sentimentBelow) {
			found.sentiment.push({ rule: 'sentiment', id: c.id, probability: p, detail: c.sentiment });
		}
		if (settings.valueAtRisk > 0 && c.value !== null && c.value * p >= settings.valueAtRisk) {
			found.value.push({ rule: 'value', id: c.id, probability: p, detail: c.value * p });
		}
	}
	const counts = { risk: 0, rise: 0, sentiment: 0, value: 0 };
	const alerts: Alert[] = [];
	for (const rule of ALERT_RULES) {
		counts[rule] = found[rule].length;
		alerts.push(...found[rule].sort((a, b) => b.probability - a.probability || a.id.localeCompare(b.id)));
	}
	return { counts, alerts };
}

/** The customers any alert names, once each, in the order of the alerts. */
export function alertedIds(alerts: Alert[]): string[] {
	return [...new Set(alerts.map((a) => a.id))];
}
