import { describe, expect, it } from 'vitest';
import { evaluateAlerts, nextHistory, probabilitiesById, snapshotOf, type AlertSettings, type CustomerScore } from '$lib/cells/dashboard/alerts';

const SETTINGS: AlertSettings = { alertRisk: 0.8, alertRiseOn: true, alertRise: 0.05, sentimentOn: true, sentimentBelow: 0.4, valueAtRisk: 60 };
const customer = (id: string, probability: number, value: number | null = null, sentiment: number | null = null): CustomerScore => ({ id, probability, value, sentiment });

describe('evaluateAlerts(customers, settings, previous)', () => {
	const customers = [customer('7590-VHVEG', 0.91, 70, 0.8), customer('5575-GNVDE', 0.3, 100, 0.1), customer('3668-QPYBK', 0.62, 110, null), customer('9237-HQITU', 0.8, 20, 0.5)];

	it.each([
		['risk ≥ 0.8 (default), highest first', 'risk', ['7590-VHVEG', '9237-HQITU']],
		['negative sentiment below 0.4', 'sentiment', ['5575-GNVDE']],
		['value × probability ≥ 60', 'value', ['3668-QPYBK', '7590-VHVEG']]
	] as const)('%s', (_case, rule, ids) => {
		const { alerts, counts } = evaluateAlerts(customers, SETTINGS, null);
		expect(alerts.filter((a) => a.rule === rule).map((a) => a.id)).toEqual([...ids].sort((a, b) => customers.find((c) => c.id === b)!.probability - customers.find((c) => c.id === a)!.probability));
		expect(counts[rule]).toBe(ids.length);
	});

	it('lists no rise without a previous scoring, and none when the rule is off', () => {
		expect(evaluateAlerts(customers, SETTINGS, null).counts.rise).toBe(0);
		const previous = new Map([['3668-QPYBK', 0.4]]);
		expect(evaluateAlerts(customers, { ...SETTINGS, alertRiseOn: false }, previous).counts.rise).toBe(0);
	});

	it('turns the sentiment and value rules off (no column joined, amount 0)', () => {
		const { counts } = evaluateAlerts(customers, { ...SETTINGS, sentimentOn: false, valueAtRisk: 0 }, null);
		expect([counts.sentiment, counts.value]).toEqual([0, 0]);
	});
});

describe('risk up since the last scoring', () => {
	const first = [customer('A', 0.2), customer('B', 0.5), customer('C', 0.7)];
	const second = [customer('A', 0.26), customer('B', 0.52), customer('C', 0.6), customer('D', 0.9)];

	it('nextHistory keeps the previous scoring and compares by customer id', () => {
		let history = nextHistory(null, snapshotOf(first));
		expect(history.previous).toBeNull();
		// The same scoring again (a reload, a filter) changes nothing.
		expect(nextHistory(history, snapshotOf(first))).toBe(history);
		history = nextHistory(history, snapshotOf(second));
		expect(history.previous?.ids).toEqual(['A', 'B', 'C']);
		const { alerts } = evaluateAlerts(second, SETTINGS, probabilitiesById(history.previous));
		// A rose by 0.06 (≥ 0.05); B by 0.02 only; C went down; D is new (nothing to compare).
		expect(alerts.filter((a) => a.rule === 'rise').map((a) => [a.id, a.detail])).toEqual([['A', 0.2]]);
	});

	it('snapshotOf(customers) leaves out customers without an id and signs the scoring', () => {
		const snap = snapshotOf([customer('', 0.4), customer('A', 0.5)]);
		expect(snap.ids).toEqual(['A']);
		expect(snap.signature).not.toBe(snapshotOf([customer('A', 0.51)]).signature);
		expect(snap.signature).toBe(snapshotOf([customer('A', 0.5)]).signature);
	});
});
