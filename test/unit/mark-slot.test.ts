import { afterEach, describe, expect, it } from 'vitest';
import { MARK_DRAWER_GLOBAL, markDrawer, provideMarkDrawer, type MarkDrawer } from '@/lib/page/mark-slot';

const drawer = (marked: number): MarkDrawer => async () => ({ marked, busyMs: 0, visibleAt: 0 });

describe('mark slot: the analyzer meets its separately injected mark drawer', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[MARK_DRAWER_GLOBAL];
  });

  it('hands the drawer to an analyzer that asked before the drawer file ran', async () => {
    const waiting = markDrawer();
    provideMarkDrawer(drawer(3));
    expect(await (await waiting)([])).toMatchObject({ marked: 3 });
  });

  it('hands it at once when the drawer file ran first', async () => {
    provideMarkDrawer(drawer(5));
    expect(await (await markDrawer())([])).toMatchObject({ marked: 5 });
  });

  it('keeps the first drawer when the file is injected again', async () => {
    provideMarkDrawer(drawer(1));
    provideMarkDrawer(drawer(2));
    expect(await (await markDrawer())([])).toMatchObject({ marked: 1 });
  });
});
