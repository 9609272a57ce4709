/**
 * One browser-neutral description of what a journey does to a tab, implemented twice: Chromium through
 * playwright-core (chromium-driver.ts) and Firefox ESR through puppeteer-core over WebDriver BiDi
 * (firefox-driver.ts). journeys.ts is written against this interface only.
 *
 * Selectors are plain CSS. `driver.overlay(css)` marks a selector inside the overlay's closed shadow root;
 * a Tab routes such selectors to an OverlayProbe (overlay-probe.ts), which reaches in as the extension does.
 */
import type { OverlayProbe } from './overlay-probe';
import type { FixtureOptions } from './fixture-server';

const OVERLAY_MARK = 'rectify-lens-overlay::';
/** A selector inside the overlay's closed shadow root (what `Driver.overlay` returns). */
export const overlaySelector = (css: string): string => `${OVERLAY_MARK}${css}`;
/** The CSS inside the overlay when `selector` came from overlaySelector, else null. */
export const insideOverlay = (selector: string): string | null => (selector.startsWith(OVERLAY_MARK) ? selector.slice(OVERLAY_MARK.length) : null);

/**
 * Runs a Tab action on the overlay when the selector is an overlay selector (`inside(probe, css)`),
 * else on the page (`outside()`).
 */
export async function routeOverlay<R>(selector: string, probe: () => Promise<OverlayProbe>, inside: (p: OverlayProbe, css: string) => Promise<R>, outside: () => Promise<R>): Promise<R> {
  const css = insideOverlay(selector);
  return css === null ? outside() : inside(await probe(), css);
}

export interface Tab {
  /** Waits until `selector` matches an element (attached). */
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  count(selector: string): Promise<number>;
  texts(selector: string): Promise<string[]>;
  click(selector: string): Promise<void>;
  /** Clicks the first element matching `selector` whose text contains `text`. */
  clickText(selector: string, text: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** What of the extension (detector, analyzer) runs in this tab, read from its isolated world. */
  presence(): Promise<ExtensionPresence>;
  reload(): Promise<void>;
  setSize(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** What of the extension runs in a tab's isolated world (read by `presence()`, see lib/page/globals). */
export interface ExtensionPresence {
  /** The detector's record, null when the detector never ran in the tab. */
  detector: { result: { isNotice: boolean; score: number } | null; asked: boolean; checks: number; ms: number; startedAt: number | null } | null;
  /** The analyzer was injected. */
  analyzer: boolean;
  /** The analyzer came registered on a page of a library notice (lib/registered-scripts), not through the detector. */
  knownNotice: boolean;
}

/** Runs in the tab's isolated world (serialized by executeScript: self-contained, names from lib/page/globals). */
export function readPresence(): ExtensionPresence {
  const g = globalThis as unknown as Record<string, unknown>;
  const detector = (g.__rectifyLensDetector ?? null) as ExtensionPresence['detector'];
  return {
    detector: detector && JSON.parse(JSON.stringify(detector)),
    analyzer: g.__rectifyLensAnalyzer === true,
    knownNotice: g.__rectifyLensKnownNotice === true,
  };
}

export interface Download {
  name: string;
  bytes: Buffer;
}

export interface Driver {
  readonly name: 'chromium' | 'firefox';
  overlay(selector: string): string;
  /** Opens a fixture page by file name under its realistic host name (optionally under a strict CSP) and waits for its load event. */
  openFixture(file: string, opts?: FixtureOptions): Promise<Tab>;
  /** The extension's side panel page as a tab bound to `page`'s tab (or to the active tab when null). */
  openPanel(page: Tab | null): Promise<Tab>;
  /** Clicks `selector` in `panel` and returns the file it downloads. */
  download(panel: Tab, selector: string): Promise<Download>;
  /** Whether the extension created the context-menu item `id` (update() of a missing item rejects). */
  contextMenuItemExists(id: string): Promise<boolean>;
  /** The match patterns of the analyzer registered on the library's notice pages (lib/registered-scripts). */
  registeredKnownNotices(): Promise<string[]>;
  /** The library's stored copy of a saved version (stored.html?hash=…), once its text is shown. */
  openStoredCopy(hash: string): Promise<Tab>;
  /** Stops the fixture sites: every later request to them fails, as when a notice is taken off its site. */
  sitesOffline(): Promise<void>;
  /** Requests that tried to reach anything but 127.0.0.1 (fixture hosts resolve there), the extension or data:. */
  readonly externalRequests: string[];
  close(): Promise<void>;
}

/** The fixture hosts resolve to 127.0.0.1 (resolver rules / localDomains) and only the fixture port is served. */
export function isLocalUrl(url: string): boolean {
  if (/^(chrome-extension|moz-extension|data|blob|about|chrome):/.test(url)) return true;
  try {
    const { hostname, port } = new URL(url);
    return hostname === '127.0.0.1' || ((hostname.endsWith('.gov.cn') || hostname.endsWith('.example.com')) && port !== '');
  } catch {
    return false;
  }
}

/**
 * Selects the first occurrence of `needle` in the page body (across text nodes and marks) like a user would
 * and reports the mouseup the content script listens for. Runs in the page.
 */
export function selectInPage(needle: string): boolean {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let all = '';
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t.parentElement?.closest('script,style')) continue;
    nodes.push(t as Text);
    all += (t as Text).data;
  }
  const at = all.indexOf(needle);
  if (at < 0) return false;
  const locate = (offset: number) => {
    let pos = 0;
    for (const t of nodes) {
      if (offset <= pos + t.data.length) return { node: t, offset: offset - pos };
      pos += t.data.length;
    }
    throw new Error('offset out of range');
  };
  const a = locate(at);
  const b = locate(at + needle.length);
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  (a.node.parentElement as Element).scrollIntoView({ block: 'center' });
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  return true;
}

/**
 * Chooses a file in an <input type="file"> as a user would (the input's files set, a change event) without a
 * native file dialog, the same way in every browser. Runs in the page; false when the input is not there.
 */
export function chooseFileInPage(arg: { selector: string; name: string; type: string; base64: string }): boolean {
  const input = document.querySelector<HTMLInputElement>(arg.selector);
  if (!input) return false;
  const binary = atob(arg.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const files = new DataTransfer();
  files.items.add(new File([bytes], arg.name, { type: arg.type }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}
