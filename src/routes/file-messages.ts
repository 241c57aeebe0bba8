/**
 * Texts of notebook files: the export dialog, the passphrase prompt and the
 * reasons a file is refused.
 */
import { messages } from '$lib/i18n';

export const F = messages(
	{
		export: 'Export…',
		open: 'Open notebook file',
		exportTitle: 'Export the notebook',
		onlyNotebook: 'Notebook only (.json)',
		onlyNotebookHint: 'Its cells, settings and record of processing: small, to share a method. Whoever opens it needs the data files too.',
		withData: 'Notebook with its data (.crmnb)',
		withDataHint: 'Also the files its tables were loaded from and its fitted models: opens complete in any browser, without training again.',
		encrypt: 'Encrypt with a passphrase',
		encryptHint: 'AES-256-GCM with a key derived from the passphrase (PBKDF2-SHA-256, 600,000 iterations). Without the passphrase nobody can read the file, and nobody can recover it for you.',
		secretsNote: 'The pseudonymisation key travels only in encrypted files: without encryption, the notebook gets a new key (and new tokens) where it is opened.',
		passphrase: 'Passphrase',
		confirm: 'Passphrase again',
		tooShort: 'Use at least 10 characters (a few words are easier to remember).',
		mismatch: 'The two passphrases differ.',
		exportButton: 'Export',
		cancel: 'Cancel',
		working: 'Preparing the file…',
		exported: (name: string) => `Saved ${name}.`,
		openTitle: 'This notebook file is encrypted',
		openText: (name: string) => `Enter the passphrase ${name} was saved with.`,
		openButton: 'Open',
		opening: 'Decrypting…',
		problems: {
			'not-notebook-file': 'This file is not a CRM Workbench notebook.',
			damaged: 'This notebook file is damaged (cut short or changed): it cannot be opened.',
			'newer-version': 'This notebook file was saved by a newer version of the workbench.',
			'wrong-passphrase': 'Wrong passphrase: the file stays closed. Nothing was changed.',
			altered: 'This file was altered after it was saved (a changed byte): it is refused. Nothing was changed.',
			'too-large': 'This notebook file is too large to open in a browser tab.',
			'empty-passphrase': 'Enter the passphrase.'
		} as Record<string, string>
	},
	{
		fr: {
			export: 'Exporter…',
			open: 'Ouvrir un notebook',
			exportTitle: 'Exporter le notebook',
			onlyNotebook: 'Notebook seul (.json)',
			onlyNotebookHint: 'Ses cellules, ses réglages et son registre des traitements : léger, pour partager une méthode. Il faut aussi les fichiers de données pour l’utiliser.',
			withData: 'Notebook avec ses données (.crmnb)',
			withDataHint: 'Aussi les fichiers d’où viennent ses tables et ses modèles ajustés : il s’ouvre complet dans tout navigateur, sans réentraîner.',
			encrypt: 'Chiffrer avec une phrase de passe',
			encryptHint: 'AES-256-GCM avec une clé dérivée de la phrase de passe (PBKDF2-SHA-256, 600 000 itérations). Sans la phrase de passe personne ne peut lire le fichier, ni la retrouver pour vous.',
			secretsNote: 'La clé de pseudonymisation ne voyage que dans les fichiers chiffrés : sans chiffrement, le notebook reçoit une nouvelle clé (et de nouveaux jetons) là où il est ouvert.',
			passphrase: 'Phrase de passe',
			confirm: 'Phrase de passe (à nouveau)',
			tooShort: 'Utilisez au moins 10 caractères (quelques mots se retiennent mieux).',
			mismatch: 'Les deux phrases de passe diffèrent.',
			exportButton: 'Exporter',
			cancel: 'Annuler',
			working: 'Préparation du fichier…',
			exported: (name: string) => `${name} enregistré.`,
			openTitle: 'Ce fichier de notebook est chiffré',
			openText: (name: string) => `Saisissez la phrase de passe avec laquelle ${name} a été enregistré.`,
			openButton: 'Ouvrir',
			opening: 'Déchiffrement…',
			problems: {
				'not-notebook-file': 'Ce fichier n’est pas un notebook CRM Workbench.',
				damaged: 'Ce fichier de notebook est endommagé (tronqué ou modifié) : il ne peut pas être ouvert.',
				'newer-version': 'Ce fichier de notebook vient d’une version plus récente du workbench.',
				'wrong-passphrase': 'Phrase de passe incorrecte : le fichier reste fermé. Rien n’a été modifié.',
				altered: 'Ce fichier a été modifié après son enregistrement (un octet changé) : il est refusé. Rien n’a été modifié.',
				'too-large': 'Ce fichier de notebook est trop gros pour être ouvert dans un onglet.',
				'empty-passphrase': 'Saisissez la phrase de passe.'
			}
		}
	}
);

/** A refused file in words: a known problem by its code, any other error by its own message. */
export function fileProblemText(e: unknown): string {
	const code = (e as { code?: unknown }).code;
	if (typeof code === 'string' && code in F.problems) return F.problems[code];
	return (e as Error).message;
}
