import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';
import { RISK_LEVELS, type RiskLevel } from '../scored-table';

/** Which customers the outreach drafts are written for. */
export const DRAFT_AUDIENCES = ['alerts', 'filtered'] as const;
export type DraftAudience = (typeof DRAFT_AUDIENCES)[number];

/**
 * A retention dashboard over a scored table (`<table>_scored`, written by a
 * churn cell): KPIs, risk charts, the filtered customer table, alert rules and
 * outreach drafts. Every choice the user makes is kept here.
 */
export interface DashboardParams {
	/** The scored table ('' = the latest one found with a churn_probability column). */
	table: string;
	/** View of the customers as filtered, sorted and with the columns chosen (for SQL and exports). */
	view: string;
	/** Column naming each customer ('' = none; null = guess it). */
	idColumn: string | null;
	/** Value of a customer per period (monthly_charges) for revenue at risk ('' = none; null = guess it). */
	valueColumn: string | null;
	/** Column of the "risk by segment" chart (contract) ('' = none; null = guess it). */
	segmentColumn: string | null;
	/** Column saying whether the customer actually left ('' = none; null = guess it). */
	targetColumn: string | null;
	/** Text searched in every text column of the customer table. */
	search: string;
	/** Risk levels shown ([] = all). */
	riskLevels: RiskLevel[];
	/** A column = value filter ('' = none). */
	filterColumn: string;
	filterValue: string;
	/** Columns of the customer table, in order ([] = the id, risk and a few customer columns). */
	columns: string[];
	/** Sort of the customer table ('' = by churn probability, highest first). */
	sortColumn: string;
	sortDescending: boolean;
	/** Alert when the churn probability is at or above this. */
	alertRisk: number;
	/** Alert when the probability rose by at least `alertRise` since the previous scoring. */
	alertRiseOn: boolean;
	alertRise: number;
	/** Alert when the sentiment score column (joined from a sentiment cell) is below `sentimentBelow` ('' = off; null = guess it). */
	sentimentColumn: string | null;
	sentimentBelow: number;
	/** Alert when value × probability is at least this amount (0 = off). */
	valueAtRisk: number;
	/** Kept probabilities of the latest and previous scorings, by customer id ('' before the first). */
	historyKey: string;
	/** Outreach e-mail template: placeholders {customer_id}, {any_column}, {offer}, {reason}. */
	subject: string;
	body: string;
	/** From address written into the drafts ('' = left to the mail program). */
	sender: string;
	draftsFor: DraftAudience;
}

const share = (initial: number) => param.number(initial, { min: 0, max: 1 });
const guessed = () => param.nullable(param.text());

export const dashboardCell = defineCell<DashboardParams>({
	type: 'dashboard',
	label: () => M.label,
	add: { text: () => M.add, order: 9.7 },
	params: {
		table: param.text(),
		view: param.text(),
		idColumn: guessed(),
		valueColumn: guessed(),
		segmentColumn: guessed(),
		targetColumn: guessed(),
		search: param.text(),
		riskLevels: param.textList<RiskLevel>([], { values: RISK_LEVELS }),
		filterColumn: param.text(),
		filterValue: param.text(),
		columns: param.textList(),
		sortColumn: param.text(),
		sortDescending: param.flag(true),
		alertRisk: share(0.8),
		alertRiseOn: param.flag(true),
		alertRise: share(0.05),
		sentimentColumn: guessed(),
		sentimentBelow: share(0.4),
		valueAtRisk: param.number(0, { min: 0 }),
		historyKey: param.text(),
		subject: param.text(() => M.defaultSubject),
		body: param.text(() => M.defaultBody),
		sender: param.text(),
		draftsFor: param.oneOf<DraftAudience>(DRAFT_AUDIENCES, 'alerts', { name: 'draftsFor' })
	},
	reads: (p) => (p.table ? [p.table] : []),
	writes: (p) => (p.view ? [p.view] : []),
	keeps: (p) => ({ results: p.historyKey ? [p.historyKey] : [] }),
	// The notebook's latest scored table (a churn cell writes `<table>_scored`); the cell checks its columns when it runs.
	start: ({ source, sources = [source], freeName }) => ({ table: sources.find((name) => /_scored$/i.test(name)) ?? '', view: freeName('dashboard') })
});
