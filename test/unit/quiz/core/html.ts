// Reads rendered quiz HTML back as a browser would (parse5, the HTML5 parsing algorithm), so tests assert the
// structure — which elements, classes, attributes and text — rather than the exact string.
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const isElement = (node: Node): node is Element => 'tagName' in node;

/** Every element of an HTML document or fragment (or under an element), in document order. */
export function elementsOf(source: string | Element): Element[] {
  const elements: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      elements.push(child);
      visit(child);
    }
  };
  visit(typeof source !== 'string' ? source : /^\s*<!DOCTYPE/i.test(source) ? parse(source) : parseFragment(source));
  return elements;
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

export function hasClass(element: Element, name: string): boolean {
  return (attr(element, 'class') ?? '').split(/\s+/).includes(name);
}

/** The element's text, white space collapsed, as a screen reader would read it. */
export function textOf(element: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeName === '#text' && 'value' in node) parts.push(node.value);
    else if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(element);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The elements matching a small selector: a tag and/or classes and attributes, e.g. `button.primary[data-action=next]`
 * or `[data-autofocus]`. Enough for the quiz's markup; no combinators.
 */
export function select(source: string | Element, selector: string): Element[] {
  const match = /^([a-z0-9]*)((?:\.[\w-]+)*)((?:\[[\w-]+(?:=[^\]]*)?\])*)$/.exec(selector);
  if (!match) throw new Error(`unsupported selector ${selector}`);
  const [, tag, classes, attributes] = match;
  const classList = classes.split('.').filter(Boolean);
  const attributeList = [...attributes.matchAll(/\[([\w-]+)(?:=([^\]]*))?\]/g)].map(([, name, value]) => ({ name, value }));
  return elementsOf(source).filter(
    (element) =>
      (!tag || element.tagName === tag) &&
      classList.every((name) => hasClass(element, name)) &&
      attributeList.every(({ name, value }) => (value === undefined ? attr(element, name) !== undefined : attr(element, name) === value)),
  );
}

/** The one element matching the selector; fails when there is none or more than one. */
export function only(source: string | Element, selector: string): Element {
  const found = select(source, selector);
  if (found.length !== 1) throw new Error(`expected one ${selector}, found ${found.length}`);
  return found[0];
}
