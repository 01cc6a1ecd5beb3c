/**
 * The card's stylesheet. Neutral colours only: the card reports who says what, it never
 * colours a side as right or wrong, and the two sides of the face-off have the same
 * weight, type and colour. Every colour, the font, the radius and the reserved height
 * are custom properties (see the doc-comment of `ClaimCard`).
 *
 * The compact card has one fixed height (so that nothing on the page moves when it
 * appears), which holds its content from 280 px to its widest. Where the card is 38em
 * wide or more (a container query on the card's element), the face-off is side by side,
 * each side with its sentence; narrower, the sides are stacked and show who, when and
 * on what basis (the sentences are in the timeline, one tap away); below 30em the card
 * tightens, and below 22em the list of the accused goes too (the title and the
 * accusation name them). No text is cut:
 * names wrap, lists end with "+N", and sentences are cut at a word by the card model.
 *
 * @module
 */
import { unsafeCSS } from "@lit/reactive-element/css-tag.js";
import { CARD_FONT_SIZE_PX, CARD_SIZE } from "./constants.ts";

/** The compact card's height, in em so that it follows the font size (30em at 15 px). */
const RESERVED_HEIGHT = `${CARD_SIZE.height / CARD_FONT_SIZE_PX}em`;
const FONT_SIZE = `${CARD_FONT_SIZE_PX}px`;

/**
 * A tag for the stylesheet's text, so that the build finds and minifies it. (Lit's own
 * `css` tag would bring a checker and its error message into the widget for nothing.)
 */
const css = (parts: TemplateStringsArray, ...values: string[]) => String.raw(parts, ...values);

/**
 * The card's stylesheet, for Lit's `static styles`; its text (`styles.cssText`) is also
 * the server-rendered card's.
 *
 * @example
 * class ClaimCard extends LitElement { static override styles = styles; }
 */
export const styles = unsafeCSS(css`
:host {
  color-scheme: light dark;
  --_bg:var(--claim-card-bg,light-dark(#fff,#161b22));
  --_fg:var(--claim-card-fg,light-dark(#1f2328,#e6edf3));
  --_muted:var(--claim-card-muted,light-dark(#59636e,#9da7b3));
  --_line:var(--claim-card-border,light-dark(#d1d9e0,#3d444d));
  --_accent:var(--claim-card-accent,light-dark(#2c5d8f,#8fb8e3));
  --_focus:var(--claim-card-focus,light-dark(#1f6feb,#58a6ff));
  display: block;
  box-sizing: border-box;
  block-size: var(--claim-card-height, ${RESERVED_HEIGHT});
  max-inline-size: var(--claim-card-max-width, 42em);
  min-inline-size: 0;
  font: 400 var(--claim-card-font-size, ${FONT_SIZE}) / 1.45 var(--claim-card-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: var(--_fg);
  text-align: start;
  overflow-wrap: break-word;
  contain: layout paint;
  container-type: inline-size;
}
:host([theme=light]) { color-scheme: light }
:host([theme=dark]) { color-scheme: dark }
:host([data-claimcard-auto]) { margin-block: 1.5em }
:host([expanded]), :host([state=error]), :host([state=missing]) { block-size: auto }
:host([quiet][state=error]), :host([quiet][state=missing]), :host([hidden]) { display: none }
* { box-sizing: border-box }
[part~=card] {
  block-size: 100%;
  overflow: hidden;
  display: flex;
  flex-direction: column;
  gap: .4em;
  padding: 1em 1.1em;
  background: var(--_bg);
  border: 1px solid var(--_line);
  border-inline-start: 4px solid var(--_accent);
  border-radius: var(--claim-card-radius, 8px);
}
[part~=card] > * { flex: none }
:host([expanded]) [part~=card] { overflow: visible }
h2, h3, p, ol, ul, blockquote { margin: 0; font-size: 1em }
.clamp { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden }
[part~=kicker], [part~=meta], [part~=footer], [part~=event] > time, .tag, .label { color: var(--_muted); font-size: .85em }
[part~=kicker], .label { text-transform: uppercase; letter-spacing: .04em; font-weight: 600 }
[part~=title] { font-size: 1.2em; line-height: 1.25 }
[part~=status] { font-weight: 600; color: var(--_fg); border: 1px solid var(--_line); border-radius: 1em; padding: 0 .5em }
[part~=faceoff] { display: grid; gap: .5em 1.2em }
[part~=side] { border-block-start: 1px solid var(--_line); padding-block-start: .3em; min-inline-size: 0 }
[part~=who] { font-size: .9em }
@container (width >= 38em) {
  [part~=faceoff] { grid-template-columns: 1fr 1fr }
  [part~=statement] { -webkit-line-clamp: 6 }
}
@container (width < 38em) { [part~=statement]:not(.none) { display: none } }
@container (width < 30em) {
  [part~=card] { gap: .3em; padding: .8em .9em }
  [part~=kicker] { display: none }
  [part~=title] { font-size: 1.05em }
  [part~=who], button { font-size: .85em }
}
@container (max-width: 22em) { [part~=accused] { display: none } }
button {
  font: inherit; font-weight: 600; color: var(--_accent); background: transparent; text-align: start; align-self: start; margin-block-start: auto;
  border: 1px solid var(--_line); border-radius: .4em; padding: .2em .7em; cursor: pointer;
}
button:hover { border-color: var(--_accent) }
a { color: var(--_accent) }
:focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; border-radius: 2px }
[part~=timeline] { border-block-start: 1px solid var(--_line); padding-block-start: .6em; display: grid; gap: .6em }
[part~=timeline][hidden] { display: none }
ol, [part~=sources] { list-style: none; padding: 0 }
[part~=event] { position: relative; padding: 0 0 .8em 1.3em; border-inline-start: 2px solid var(--_line); margin-inline-start: .35em }
[part~=event]:last-child { border-color: transparent }
[part~=event]::before {
  content: ""; position: absolute; inset-inline-start: -.45em; inset-block-start: .3em;
  inline-size: .7em; block-size: .7em; border-radius: 50%; background: var(--_accent); border: 2px solid var(--_accent);
}
[part~=denial]::before { background: var(--_bg) }
[part~=consequence]::before { border-radius: 2px; background: var(--_muted); border-color: var(--_muted) }
[part~=quote] { margin: .3em 0; padding-inline-start: .7em; border-inline-start: 3px solid var(--_line); font-style: italic }
[part~=translation] { color: var(--_muted); font-size: .9em }
[part~=sources] { font-size: .85em; display: flex; flex-wrap: wrap; gap: 0 .8em }
[part~=unverified] { color: var(--_fg); border: 1px dashed var(--_muted); border-radius: .3em; padding: 0 .3em; font-size: .9em }
[part~=related] { padding-inline-start: 1.2em }
[part~=note] { color: var(--_muted); font-size: .85em; padding: .4em .6em; border: 1px dashed var(--_line); border-radius: .4em }
[part~=skeleton] i { display: block; background: var(--_line); opacity: .5; border-radius: .3em; block-size: .9em; inline-size: 80% }
.sr { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap }
@media (prefers-reduced-motion: no-preference) { button { transition: border-color .15s } }
`);
