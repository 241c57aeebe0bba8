/**
 * Next-best offer: for each customer at risk, the items they do not own
 * ranked by expected benefit, and the reason in words. Pure: the risks with
 * and without each item come from re-scoring (`offers-job.ts`).
 *
 *   benefit = P(accept) × (risk now − risk with the item)                       (no value set)
 *   benefit = P(accept) × (risk now − risk with the item) × value − cost        (value per retained customer set)
 *
 * An item the churn model cannot see (no column for it: a long table) has no
 * risk with it; such offers are ranked by P(accept) alone, and say so.
 */
import { M } from './messages';
import { itemLabel } from './guess';

/** One item not owned by one customer at risk. */
export interface OfferCandidate {
	/** Customer (row of the recommendation result). */
	user: number;
	/** Item index in the result's items. */
	item: number;
	/** Probability the customer takes it (the hybrid score, calibrated on hidden items). */
	pAccept: number;
	/** Churn probability now. */
	riskNow: number;
	/** Churn probability with the item owned (re-scored); null when the churn model has no column for the item. */
	riskWith: number | null;
}

export interface OfferSettings {
	/** Value of a retained customer; 0 = the benefit is in probability points of churn avoided. */
	valuePerRetained: number;
	/** Cost of one offer, in the same money as the value (counted only when a value is set). */
	costPerOffer: number;
}

export interface Offer extends OfferCandidate {
	benefit: number;
}

/** Expected benefit of one offer (see the module's formula). */
export function offerBenefit(c: OfferCandidate, settings: OfferSettings): number {
	if (c.riskWith === null) return c.pAccept;
	const avoided = c.pAccept * (c.riskNow - c.riskWith);
	return settings.valuePerRetained > 0 ? avoided * settings.valuePerRetained - settings.costPerOffer : avoided;
}

/**
 * Each customer's offers, best first, and the customers by their best offer.
 * Re-scored offers are kept only when they lower the risk and their benefit
 * is positive; offers the churn model cannot judge are kept by P(accept).
 */
export function rankOffers(candidates: OfferCandidate[], settings: OfferSettings): { user: number; offers: Offer[] }[] {
	const byUser = new Map<number, Offer[]>();
	for (const c of candidates) {
		const benefit = offerBenefit(c, settings);
		if (c.riskWith !== null && (c.riskWith >= c.riskNow || benefit <= 0)) continue;
		if (!Number.isFinite(benefit)) continue;
		const list = byUser.get(c.user) ?? [];
		list.push({ ...c, benefit });
		byUser.set(c.user, list);
	}
	const ranked = [...byUser].map(([user, offers]) => ({ user, offers: offers.sort((a, b) => b.benefit - a.benefit || a.item - b.item) }));
	return ranked.sort((a, b) => b.offers[0].benefit - a.offers[0].benefit || a.user - b.user);
}

/** The reason of an offer in words ("Tech support lowers this customer's risk from 0.82 to 0.61; customers like them take it 38 % of the time."). */
export function offerReason(offer: OfferCandidate, itemName: string): string {
	const item = itemLabel(itemName);
	return offer.riskWith === null ? M.reasonAcceptOnly(item, offer.pAccept) : M.reasonLowers(item, offer.riskNow, offer.riskWith, offer.pAccept);
}
