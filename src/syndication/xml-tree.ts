import { SaxesParser } from 'saxes';
import { decodeHTML } from 'entities';

/** A parsed XML element: namespace URI, local name, attributes by qualified name, children. */
export interface XNode {
  uri: string;
  local: string;
  prefix: string;
  attrs: Record<string, string>;
  children: (XNode | string)[];
  /** xml:base in force here, resolved against the parent's and the feed URL. */
  base: string | null;
}

function resolveBase(value: string | undefined, parent: string | null): string | null {
  if (value === undefined) return parent;
  try {
    const u = new URL(value, parent ?? undefined);
    // a javascript: or data: base would turn every relative link into script
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : parent;
  } catch {
    return parent;
  }
}

/**
 * Reads a whole XML document into a small tree, recovering from what it can:
 * undeclared prefixes, HTML entities, DTD-declared entities, unclosed tags,
 * a bad prolog. Every recovery is listed in `problems`. Feeds are capped in
 * size by the fetcher, so a tree is fine here (exports use the streaming reader).
 */
export function readXmlTree(text: string, baseUrl: string | null): { root: XNode | null; problems: string[]; doctype: string } {
  const problems: string[] = [];
  let doctype = '';
  // "<?phpxml ...?>" and stray bytes before the first tag: skip to the first element or declaration
  const start = text.search(/<(\?xml[\s?]|[!A-Za-z])/);
  const body = (start > 0 ? text.slice(start) : text).replace(/^((?:\s|<!--[\s\S]*?-->)*)<\?xml[^>]*\?>/, '$1');
  const parser = new SaxesParser({ xmlns: true, position: true });
  const declared: Record<string, string> = {};
  parser.ENTITIES = new Proxy(parser.ENTITIES, {
    get(target, name: string) {
      if (name in target) return target[name];
      if (name in declared) return declared[name];
      const html = decodeHTML(`&${name};`);
      return html !== `&${name};` ? html : undefined;
    },
  });
  let root: XNode | null = null;
  const stack: XNode[] = [];
  parser.on('error', (err) => {
    if (problems.length < 20) problems.push(err.message.replace(/^undefined:/, 'line '));
  });
  parser.on('doctype', (dt) => {
    doctype = dt;
    for (const m of dt.matchAll(/<!ENTITY\s+([\w.-]+)\s+(["'])([^"']*)\2\s*>/g)) declared[m[1]!] = m[3]!;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [name, a] of Object.entries(tag.attributes)) attrs[name] = typeof a === 'string' ? a : a.value;
    const parent = stack[stack.length - 1];
    const node: XNode = { uri: tag.uri ?? '', local: tag.local ?? tag.name, prefix: tag.prefix ?? '', attrs, children: [], base: resolveBase(attrs['xml:base'], parent ? parent.base : baseUrl) };
    if (parent) parent.children.push(node);
    else if (!root) root = node;
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  const addText = (t: string) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(t);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(body).close();
  } catch (err) {
    problems.push((err as Error).message);
  }
  return { root, problems, doctype };
}

/** All text inside a node. */
export function textOf(node: XNode | undefined): string {
  if (!node) return '';
  return node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** The markup inside a node, re-serialized (Atom type="xhtml", RSS descriptions with naked tags). */
export function innerXml(node: XNode): string {
  return node.children
    .map((c) => {
      if (typeof c === 'string') return escapeText(c);
      const attrs = Object.entries(c.attrs)
        .filter(([k]) => !k.startsWith('xmlns') && !k.startsWith('xml:'))
        .map(([k, v]) => ` ${k.replace(/^.*:/, '')}="${escapeAttr(v)}"`)
        .join('');
      return `<${c.local}${attrs}>${innerXml(c)}</${c.local}>`;
    })
    .join('');
}

export const elements = (node: XNode | undefined): XNode[] => (node ? (node.children.filter((c) => typeof c !== 'string') as XNode[]) : []);
