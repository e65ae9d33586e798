/** Small DOM builders for the editor's panels (text is always set as text, never parsed as markup). */

/** An element with attributes, text and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

/** A button that runs `onClick`. */
export function button(label: string, onClick: () => void, props: Partial<Record<string, string>> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', text: label, ...props });
  b.addEventListener('click', onClick);
  return b;
}
