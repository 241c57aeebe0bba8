/**
 * Markdown to HTML without raw HTML: markdown-it escapes any HTML in the
 * source (`html: false`) and refuses `javascript:`/`vbscript:`/`file:` links,
 * so a shared notebook cannot run code in the page.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: true, breaks: false });

// Links leave the app only by the user's choice, in a new tab, with no referrer.
const defaultLinkOpen =
	md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
	tokens[idx].attrSet('target', '_blank');
	tokens[idx].attrSet('rel', 'noopener noreferrer');
	return defaultLinkOpen(tokens, idx, options, env, self);
};
// Images would be fetched at render time, possibly from another host: show their text instead.
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(`[image: ${tokens[idx].content}]`);

export function renderMarkdown(source: string): string {
	return md.render(source);
}
