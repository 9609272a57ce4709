/**
 * CPU time spent by the Chromium of a test session (the browser process and all its children), read from
 * Linux's /proc. On a machine shared with other work, wall times of IndexedDB-heavy code swing with the
 * load; the CPU time the browser spends on the same work moves far less, so benchmarks report both.
 * Where /proc is missing (not Linux) every reading is null.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s. */
const MS_PER_TICK = 10;

interface ProcStat {
  ppid: number;
  cpuMs: number;
}

function readStat(path: string): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended meanwhile
  }
  // "pid (comm) state ppid … utime stime …": comm may hold spaces and parentheses, so fields count from the last ')'
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK };
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/**
 * CPU milliseconds (user + system, all threads) of the browser process this process started with
 * `--load-extension=<extensionDir>` and of its descendants (renderers, GPU, utility processes); null without /proc or without such a browser.
 */
export function chromiumCpuMs(extensionDir: string): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const stats = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(`/proc/${name}/stat`);
    if (stat) stats.set(Number(name), stat);
  }
  // Playwright starts the browser as a child of this process (another bench may run the same build meanwhile)
  const root = [...stats].find(([pid, stat]) => {
    if (stat.ppid !== process.pid) return false;
    const cmd = commandLine(pid);
    return cmd.includes(`--load-extension=${extensionDir}`) && !cmd.includes('--type=');
  })?.[0];
  if (root === undefined) return null;
  const inSession = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = stats.get(p)?.ppid) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const [pid, stat] of stats) if (inSession(pid)) total += stat.cpuMs;
  return total;
}

/** Runs `work` and returns its result with the session Chromium's CPU milliseconds spent meanwhile (null where unknown). */
export async function withChromiumCpu<T>(extensionDir: string, work: () => Promise<T>): Promise<{ result: T; cpuMs: number | null }> {
  const before = chromiumCpuMs(extensionDir);
  const result = await work();
  const after = chromiumCpuMs(extensionDir);
  return { result, cpuMs: before === null || after === null ? null : after - before };
}
