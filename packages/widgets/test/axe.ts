import axe from 'axe-core';
import { expect } from 'vitest';

/** The WCAG levels we hold every screen to. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** @returns axe's violations in `element` (shadow roots included), one line each */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { runOnly: { type: 'tag', values: wcagTags } });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
  );
}

/** Fails with axe's findings when `element` has any WCAG 2.2 A/AA violation. */
export async function expectAccessible(element: Element): Promise<void> {
  expect(await axeViolations(element)).toEqual([]);
}
