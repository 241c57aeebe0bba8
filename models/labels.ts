/**
 * Model kinds' names in the interface's language. The catalogue names each
 * kind in English, and the workers compose labels from those names
 * ("Ensemble (Gradient-boosted trees + Logistic regression)") that are kept
 * with results, the same whatever the language; what the interface and the
 * progress lines show goes through here.
 */
import { messages } from '../src/lib/i18n/messages';
import { KINDS, labelsOf, type CatalogKind } from './catalog';

/** The kinds' French names (also for catalogues that compose them, e.g. « Uniquement Forêt aléatoire »). */
export const FRENCH_KIND_LABELS: Record<CatalogKind, string> = {
	gbdt: 'Arbres boostés (gradient boosting)',
	forest: 'Forêt aléatoire',
	logistic: 'Régression logistique',
	mlp: 'Réseau de neurones (MLP)',
	ensemble: 'Ensemble',
	lexicon: 'Lexique',
	tfidf: 'TF-IDF + régression logistique',
	rnn: 'Réseau récurrent (BiGRU)',
	transformer: 'Encodeur transformer',
	pretrained: 'Pré-entraîné, affiné',
	auto: 'Mélange des meilleurs',
	kmeans: 'k-means',
	popularity: 'Popularité',
	item_knn: 'Similarité des produits (co-détention)',
	als: 'Factorisation de matrice (ALS)',
	propensity: 'Propension (un classifieur par produit)',
	hybrid: 'Mélange hybride',
	bgnbd: 'BG/NBD (achats et P(actif))',
	gamma_gamma: 'Gamma-Gamma (dépense par achat)',
	kaplan_meier: 'Kaplan–Meier',
	cox: 'Modèle de Cox (risques proportionnels)'
};

export const KIND_LABELS = messages(labelsOf(KINDS), { fr: FRENCH_KIND_LABELS });

/** A kind's name in the interface's language. */
export const kindLabel = (kind: CatalogKind): string => KIND_LABELS[kind];

const ENGLISH = labelsOf(KINDS);
/** Kinds, longest English name first, so "TF-IDF + logistic regression" is replaced before "Logistic regression" could match inside it. */
const BY_LENGTH = [...KINDS].sort((a, b) => ENGLISH[b].length - ENGLISH[a].length);

/**
 * A stored model label with each kind's English name in the interface's
 * language: "Ensemble (Gradient-boosted trees + Logistic regression)" →
 * "Ensemble (Arbres boostés (gradient boosting) + Régression logistique)".
 */
export function shownLabel(label: string): string {
	const local: string[] = [];
	let out = label;
	for (const kind of BY_LENGTH) {
		if (ENGLISH[kind] === KIND_LABELS[kind] || !out.includes(ENGLISH[kind])) continue;
		// A placeholder keeps a replaced name from being matched again by a shorter one.
		out = out.split(ENGLISH[kind]).join(`\u0000${local.length}\u0000`);
		local.push(KIND_LABELS[kind]);
	}
	return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => local[Number(i)]);
}
