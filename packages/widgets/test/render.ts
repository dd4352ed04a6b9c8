import { afterEach } from 'vitest';
import type { LitElement } from 'lit';

const mounted: Element[] = [];

afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
  document.documentElement.lang = 'en';
  sessionStorage.clear();
  if (location.hash) history.replaceState(null, '', `${location.pathname}${location.search}`);
});

/**
 * Creates an element, sets its properties before it connects (as a page's script would),
 * adds it to the page and waits for its first render. Removed again after each test.
 */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tagName: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  attributes: Record<string, string> = {},
): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tagName);
  Object.assign(element, properties);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  mounted.push(element);
  await (element as unknown as LitElement).updateComplete;
  return element;
}

/** @returns the text an element shows, through nested shadow roots, whitespace collapsed */
export function shownText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(element);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
