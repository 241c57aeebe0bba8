import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '$lib/i18n';
import { offerBenefit, offerReason, rankOffers, type OfferCandidate } from '$lib/cells/recommend/offer';

const candidate = (user: number, item: number, pAccept: number, riskNow: number, riskWith: number | null): OfferCandidate => ({ user, item, pAccept, riskNow, riskWith });
const NO_VALUE = { valuePerRetained: 0, costPerOffer: 0 };

describe('next-best offer', () => {
	it.each([
		['risk points avoided without a value', candidate(0, 0, 0.38, 0.82, 0.61), NO_VALUE, 0.38 * 0.21],
		['value × risk avoided − cost', candidate(0, 0, 0.5, 0.8, 0.6), { valuePerRetained: 500, costPerOffer: 20 }, 0.5 * 0.2 * 500 - 20],
		['the cost counts only with a value', candidate(0, 0, 0.5, 0.8, 0.6), { valuePerRetained: 0, costPerOffer: 20 }, 0.5 * 0.2],
		['no column in the churn model: P(accept)', candidate(0, 0, 0.4, 0.9, null), NO_VALUE, 0.4]
	])('offerBenefit(%s)', (_name, c, settings, expected) => {
		expect(offerBenefit(c, settings)).toBeCloseTo(expected, 10);
	});

	it('rankOffers(candidates) ranks each customer by benefit, customers by their best offer, and drops offers that do not lower the risk', () => {
		const ranked = rankOffers(
			[
				candidate(0, 0, 0.9, 0.8, 0.78), // likely taken, lowers little: 0.018
				candidate(0, 1, 0.3, 0.8, 0.5), // less likely, lowers much: 0.09
				candidate(0, 2, 0.9, 0.8, 0.85), // raises the risk: dropped
				candidate(1, 0, 0.5, 0.95, 0.55), // 0.2
				candidate(2, 1, 0.5, 0.7, 0.7) // no change: dropped, customer 2 has no offer
			],
			NO_VALUE
		);
		expect(ranked.map((r) => [r.user, r.offers.map((o) => o.item)])).toEqual([
			[1, [0]],
			[0, [1, 0]]
		]);
		expect(ranked[1].offers[0].benefit).toBeCloseTo(0.09, 10);
	});

	it('rankOffers drops offers whose cost outweighs the value they keep', () => {
		const ranked = rankOffers([candidate(0, 0, 0.1, 0.8, 0.7), candidate(1, 0, 0.9, 0.8, 0.4)], { valuePerRetained: 100, costPerOffer: 5 });
		expect(ranked.map((r) => r.user)).toEqual([1]);
	});

	it('rankOffers keeps offers the churn model cannot judge, by P(accept)', () => {
		const ranked = rankOffers([candidate(0, 0, 0.2, 0.9, null), candidate(0, 1, 0.6, 0.9, null)], NO_VALUE);
		expect(ranked[0].offers.map((o) => o.item)).toEqual([1, 0]);
	});

	it('offerReason(offer, item) says how far the item lowers the risk and how often customers like them take it', () => {
		expect(offerReason(candidate(0, 0, 0.38, 0.82, 0.61), 'tech_support')).toBe("Tech support lowers this customer's risk from 0.82 to 0.61; customers like them take it 38 % of the time.");
		expect(offerReason(candidate(0, 0, 0.254, 0.9, 0.7), 'OnlineSecurity')).toBe("Online security lowers this customer's risk from 0.90 to 0.70; customers like them take it 25 % of the time.");
		expect(offerReason(candidate(0, 0, 0.5, 0.9, null), 'Premium plan')).toMatch(/^Customers like them take premium plan 50 % of the time; the churn model has no column for it/);
	});

	it('the reason agrees with the benefit: the risks it names are the ones ranked', () => {
		const c = candidate(3, 2, 0.38, 0.8234, 0.6071);
		const [offer] = rankOffers([c], NO_VALUE)[0].offers;
		expect(offerReason(offer, 'tech_support')).toContain('from 0.82 to 0.61');
		expect(offer.benefit).toBeCloseTo(0.38 * (0.8234 - 0.6071), 10);
	});

	afterEach(() => {
		locale.current = 'en';
	});

	it('offerReason in French uses decimal commas', () => {
		locale.current = 'fr';
		expect(offerReason(candidate(0, 0, 0.38, 0.82, 0.61), 'tech_support')).toBe('Tech support fait passer le risque de ce client de 0,82 à 0,61 ; les clients qui lui ressemblent le prennent 38 % du temps.');
	});
});
