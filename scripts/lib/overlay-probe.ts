/**
 * The overlay's shadow root is closed: neither the page nor Playwright/Puppeteer selectors reach into it.
 * Tests reach it the way only the extension can: a function run by `scripting.executeScript` in the
 * extension's isolated world of the tab, where `chrome.dom.openOrClosedShadowRoot(host)` (Chromium) or
 * `host.openOrClosedShadowRoot` (Firefox, a property) opens it. Clicks and input are dispatched there as DOM events.
 */

export type ProbeOp = 'count' | 'texts' | 'click' | 'fill' | 'check' | 'uncheck' | 'attrs' | 'rect' | 'focused';

/**
 * Runs in the tab's isolated world (serialized by executeScript: self-contained). `text` narrows the
 * matches to elements whose text contains it; click/fill/check act on the first match and return false
 * when nothing matched.
 */
export function overlayProbe(selector: string, op: ProbeOp, arg: string | null, text: string | null): unknown {
  const host = document.querySelector('rectify-lens-overlay');
  const g = globalThis as unknown as { chrome?: { dom?: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } };
  // Chromium: chrome.dom.openOrClosedShadowRoot(host); Firefox: the host's openOrClosedShadowRoot property
  const root: ShadowRoot | null | undefined = host
    ? g.chrome?.dom?.openOrClosedShadowRoot?.(host) ?? (host as unknown as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot
    : null;
  const all = root ? Array.from(root.querySelectorAll<HTMLElement>(selector)) : [];
  const found = text === null ? all : all.filter((e) => (e.textContent ?? '').includes(text));
  const first = found[0];
  switch (op) {
    case 'count':
      return found.length;
    case 'texts':
      return found.map((e) => e.textContent ?? '');
    case 'attrs':
      return found.map((e) => e.getAttribute(arg ?? ''));
    case 'rect': {
      if (!first) return null;
      const r = first.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    }
    case 'focused': {
      // the element focused inside the overlay (the page sees only the host), or null
      const el = root?.activeElement as HTMLElement | null | undefined;
      if (!el) return null;
      return { tag: el.localName, role: el.getAttribute('role'), className: el.className, text: (el.textContent ?? '').trim(), tabIndex: el.tabIndex, matches: el.matches(selector) };
    }
    case 'click':
      if (!first) return false;
      first.click();
      return true;
    case 'check':
    case 'uncheck':
      if (!first) return false;
      if ((first as HTMLInputElement).checked !== (op === 'check')) first.click();
      return true;
    case 'fill':
      if (!first) return false;
      // text fields listen for input, selects for change
      (first as HTMLTextAreaElement).value = arg ?? '';
      first.dispatchEvent(new Event('input', { bubbles: true }));
      first.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
  }
}

/** An element's box in viewport coordinates. */
export interface ProbeRect { left: number; top: number; right: number; bottom: number; width: number; height: number }
/** The element focused inside the overlay; `matches`: whether it matches the selector the probe was given. */
export interface ProbeFocus { tag: string; role: string | null; className: string; text: string; tabIndex: number; matches: boolean }

/** How a browser's test driver runs the probe in a tab. */
export type RunProbe = (selector: string, op: ProbeOp, arg?: string | null, text?: string | null) => Promise<unknown>;

/** Overlay access for a tab, polling like a locator (the overlay renders asynchronously). */
export class OverlayProbe {
  constructor(private readonly run: RunProbe) {}
  async count(selector: string, text: string | null = null): Promise<number> {
    return (await this.run(selector, 'count', null, text)) as number;
  }
  async texts(selector: string): Promise<string[]> {
    return (await this.run(selector, 'texts')) as string[];
  }
  async attrs(selector: string, name: string): Promise<Array<string | null>> {
    return (await this.run(selector, 'attrs', name)) as Array<string | null>;
  }
  /** The box of the first element matching `selector`, or null. */
  async rect(selector: string): Promise<ProbeRect | null> {
    return (await this.run(selector, 'rect')) as ProbeRect | null;
  }
  /** What has focus inside the overlay (null: nothing there has it); `matches` tells whether it matches `selector`. */
  async focused(selector = '*'): Promise<ProbeFocus | null> {
    return (await this.run(selector, 'focused')) as ProbeFocus | null;
  }
  /** Waits until `selector` (with `text`, when given) matches. */
  async waitFor(selector: string, timeoutMs = 20_000, text: string | null = null): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!((await this.count(selector, text).catch(() => 0)) > 0)) {
      if (Date.now() > deadline) throw new Error(`overlay: ${selector}${text ? ` "${text}"` : ''} did not appear in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  async click(selector: string, text: string | null = null): Promise<void> {
    await this.waitFor(selector, 20_000, text);
    if (!(await this.run(selector, 'click', null, text))) throw new Error(`overlay: nothing to click at ${selector}`);
  }
  async check(selector: string, checked = true): Promise<void> {
    await this.waitFor(selector);
    await this.run(selector, checked ? 'check' : 'uncheck');
  }
  /** Sets a text field's or a select's value as typing or choosing would. */
  async fill(selector: string, value: string): Promise<void> {
    await this.waitFor(selector);
    await this.run(selector, 'fill', value);
  }
}
