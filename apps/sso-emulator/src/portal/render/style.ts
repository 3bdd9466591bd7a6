import { createHash } from 'node:crypto';
import { raw } from './html.js';

/** The page's only styling, inline, allowed by its hash in the Content-Security-Policy. */
export const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
code, pre, textarea { font-family: ui-monospace, monospace; font-size: 0.9rem; }
pre { background: #f3f3f3; padding: 0.5rem; overflow-x: auto; }
textarea { width: 100%; }
label { display: block; margin-top: 0.5rem; font-weight: 600; }
button { margin-top: 0.75rem; padding: 0.4rem 1rem; font: inherit; }
.note { border-left: 4px solid #b35c00; background: #fff4e5; padding: 0.5rem 0.75rem; }
.ok { border-left: 4px solid #1d7a33; background: #e9f7ec; padding: 0.5rem 0.75rem; }
.error { border-left: 4px solid #b00020; background: #fdecee; padding: 0.5rem 0.75rem; }
:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
`;

export const STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

/** Built here, in one piece: the hash covers the element's exact text, whitespace included. */
export const STYLE_ELEMENT = raw(`<style>${STYLE}</style>`);
