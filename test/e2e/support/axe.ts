/** axe-core over a page in the browser tests: injected once per page, the violations as data or as lines. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

let source: string | undefined;

export interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe-core over the page as it stands (injecting it first if needed). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** The violations, one line each: the rule and the targets of its first `nodes` elements (default all). */
export async function axe(page: Page, nodes = Infinity): Promise<string[]> {
  return (await axeViolations(page)).map((v) => `${v.id} at ${v.nodes.slice(0, nodes).map((n) => n.target.join(' ')).join(' | ')}`);
}
