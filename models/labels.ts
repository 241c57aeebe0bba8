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
const KIND_OF_ENGLISH = new Map(KINDS.map((kind) => [ENGLISH[kind], kind]));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Every kind's English name, longest first, so "TF-IDF + logistic regression" wins over "Logistic regression" inside it. */
const ANY_KIND = new RegExp([...KIND_OF_ENGLISH.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');

/**
 * A stored model label with each kind's English name in the interface's
 * language: "Ensemble (Gradient-boosted trees + Logistic regression)" →
 * "Ensemble (Arbres boostés (gradient boosting) + Régression logistique)".
 */
export const shownLabel = (label: string): string => label.replace(ANY_KIND, (english) => KIND_LABELS[KIND_OF_ENGLISH.get(english)!]);
