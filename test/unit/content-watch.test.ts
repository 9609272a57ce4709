// @vitest-environment happy-dom
/** lib/page/content-watch noteChanges: whether the article changed between the analyzer's read and the page's load. */
import { describe, expect, it } from 'vitest';
import { noteChanges } from '@/lib/page/content-watch';

function article(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = '<p>一、整改落实情况</p><p>（一）问题一。已完成整改。</p>';
  document.body.replaceChildren(root);
  return root;
}

describe('noteChanges', () => {
  it('says no when nothing in the article changed, whatever changed elsewhere on the page', () => {
    const root = article();
    const changed = noteChanges(root);
    document.body.append(document.createElement('footer'));
    root.setAttribute('class', 'zoom');
    expect(changed()).toBe(false);
  });

  it('says yes for a paragraph added, a node removed or a text edited — also before the observer delivered it', () => {
    for (const change of [
      (root: HTMLElement) => root.append(document.createElement('p')),
      (root: HTMLElement) => root.firstElementChild!.remove(),
      (root: HTMLElement) => ((root.querySelector('p')!.firstChild as Text).data = '二、'),
    ]) {
      const root = article();
      const changed = noteChanges(root);
      change(root);
      expect(changed()).toBe(true);
    }
  });

  it('stops at the first answer: later changes are not noted', async () => {
    const root = article();
    const changed = noteChanges(root);
    expect(changed()).toBe(false);
    root.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 0));
    expect(changed()).toBe(false);
  });
});
