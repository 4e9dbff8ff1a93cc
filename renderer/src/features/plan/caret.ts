/**
 * The remote caret of another user in a plan section: a coloured bar with their name.
 * Built with DOM calls and textContent only: the name comes from another client and is
 * never parsed as HTML. Hidden from assistive technology (it would be read as part of the
 * text); the presence bar and the section's "typt hier" line say the same in words.
 */

const MAX_NAME = 60;
const validColor = /^#[0-9a-f]{6}$/iu;

/** The caret element for a remote user (`user` is what Tiptap hands over from awareness). */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' && validColor.test(user.color) ? user.color : '#4a5568';
  const name = typeof user.name === 'string' ? user.name.slice(0, MAX_NAME) : '';
  const caret = document.createElement('span');
  caret.className = 'plan-caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'plan-caret__label';
  label.style.backgroundColor = color;
  label.textContent = name;
  caret.append(label);
  return caret;
}

/** The highlight of a remote user's selection (a translucent tint of their colour). */
export function renderSelection(user: Record<string, unknown>): { nodeName: string; class: string; style: string } {
  const color = typeof user.color === 'string' && validColor.test(user.color) ? user.color : '#4a5568';
  return { nodeName: 'span', class: 'plan-caret__selection', style: `background-color: ${color}33` };
}
