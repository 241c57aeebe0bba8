/**
 * Text cleaning shared by every text model: customer texts arrive from web
 * forms and exports with HTML (`<br />`), entities (`&amp;`), mixed Unicode
 * forms and stray whitespace. The cleaned text is what the views display, so
 * token offsets from `tokenize` point into it.
 */

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	laquo: '«',
	raquo: '»',
	rsquo: '’',
	lsquo: '‘',
	rdquo: '”',
	ldquo: '“',
	hellip: '…',
	ndash: '–',
	mdash: '—',
	eacute: 'é',
	egrave: 'è',
	ecirc: 'ê',
	agrave: 'à',
	acirc: 'â',
	ccedil: 'ç',
	ocirc: 'ô',
	ucirc: 'û',
	ugrave: 'ù',
	icirc: 'î',
	iuml: 'ï',
	euro: '€'
};

function decodeEntity(entity: string, body: string): string {
	if (body[0] === '#') {
		const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
		// Invalid or out-of-range code points stay as written rather than becoming U+FFFD noise.
		return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
	}
	return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
}

/**
 * HTML tags and entities removed, Unicode in NFKC form (full-width letters,
 * ligatures and composed accents compare equal), whitespace collapsed.
 * Case is kept: lower-casing happens per token so offsets stay valid.
 */
export function cleanText(raw: string | null | undefined): string {
	if (raw == null) return '';
	return (
		String(raw)
			// Tags become a space so "great<br />value" stays two words; a lone "<" (e.g. "<3") is kept.
			.replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
			.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);/g, decodeEntity)
			.normalize('NFKC')
			// Zero-width spaces and soft hyphens hide inside copied text; the joiner U+200D is kept for emoji.
			.replace(/[\u00ad\u200b\u200c\u2060\ufeff]/g, '')
			.replace(/\s+/g, ' ')
			.trim()
	);
}
