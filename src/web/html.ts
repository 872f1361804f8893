/**
 * A tiny JSX runtime that renders to strings and escapes every text child and attribute by default.
 * The only way to put markup in unescaped is `raw()`, used for sanitized Markdown and our own constants.
 */

export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

type Child = SafeHtml | string | number | boolean | null | undefined | Child[];

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    type Element = SafeHtml;
    interface IntrinsicElements {
      [tag: string]: Record<string, unknown>;
    }
    interface ElementChildrenAttribute {
      children: unknown;
    }
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Marks trusted markup; never pass text that came from a request or a dataset through this. */
export function raw(html: string): SafeHtml {
  return new SafeHtml(html);
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

function renderChild(child: Child): string {
  if (child === null || child === undefined || child === false || child === true) return '';
  if (child instanceof SafeHtml) return child.html;
  if (Array.isArray(child)) return child.map(renderChild).join('');
  return escapeHtml(String(child));
}

function renderAttributes(props: Record<string, unknown>): string {
  let out = '';
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || value === null || value === undefined || value === false) continue;
    if (value === true) out += ` ${name}`;
    else out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

type Component<P> = (props: P & { children?: Child }) => SafeHtml;

/** The JSX factory (tsconfig `jsxFactory`). */
export function h<P extends Record<string, unknown>>(
  tag: string | Component<P>,
  props: P | null,
  ...children: Child[]
): SafeHtml {
  if (typeof tag === 'function') {
    return tag({ ...(props ?? ({} as P)), children: children.length === 1 ? children[0] : children });
  }
  const attributes = renderAttributes(props ?? {});
  if (VOID.has(tag)) return new SafeHtml(`<${tag}${attributes}>`);
  return new SafeHtml(`<${tag}${attributes}>${renderChild(children)}</${tag}>`);
}

/** The JSX fragment factory (tsconfig `jsxFragmentFactory`). */
export function Fragment(props: { children?: Child }): SafeHtml {
  return new SafeHtml(renderChild(props.children));
}

export function renderDocument(root: SafeHtml): string {
  return `<!doctype html>\n${root.html}`;
}
