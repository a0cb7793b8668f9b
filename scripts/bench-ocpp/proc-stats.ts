// CPU and memory of processes from /proc (no dependency): the OCPP server,
// PostgreSQL (postmaster and its backends), the load generators, the machine.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

const TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

function statFields(pid: number): string[] | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    return s.slice(s.lastIndexOf(")") + 2).split(" "); // [0] = state (field 3)
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) used so far. */
export function cpuSeconds(pid: number): number {
  const f = statFields(pid);
  return f ? (Number(f[11]) + Number(f[12])) / TICKS : 0;
}

/** Resident and peak resident memory, in MB. */
export function memoryMb(pid: number): { rss: number; hwm: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(s.match(new RegExp(`^${k}:\\s+(\\d+)`, "m"))?.[1] ?? 0);
    return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

export function childrenOf(ppid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    const f = statFields(Number(d));
    if (f && Number(f[1]) === ppid) out.push(Number(d));
  }
  return out;
}

/** The postmaster serving a data directory (found by its command line). */
export function postmasterOf(dataDir: string): number | null {
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0");
      if (cmd.includes(dataDir) && cmd.some((a) => a.endsWith("postgres"))) return Number(d);
    } catch {
      /* gone */
    }
  }
  return null;
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0].split(/\s+/).slice(1).map(Number);
  const idle = line[3] + (line[4] ?? 0);
  const total = line.reduce((a, b) => a + (b || 0), 0);
  return { busy: total - idle, total };
}

export type TGroup = { name: string; pids: () => number[] };
export type TGroupSummary = { name: string; avgCpu: number; maxCpu: number; maxRssMb: number };

/** Samples groups of processes once a second; CPU in % of one core. */
export class Sampler {
  private timer?: NodeJS.Timeout;
  private samples = new Map<string, { cpu: number[]; rss: number[] }>();
  private machine: number[] = [];
  private last = new Map<number, number>();
  private lastAt = 0;
  private lastMachine = machineTicks();

  constructor(private readonly groups: TGroup[]) {}

  start(): void {
    this.samples.clear();
    this.machine = [];
    this.prime();
    this.timer = setInterval(() => this.sample(), 1000);
  }

  private prime() {
    this.last.clear();
    this.lastAt = performance.now();
    this.lastMachine = machineTicks();
    for (const g of this.groups) for (const pid of g.pids()) this.last.set(pid, cpuSeconds(pid));
  }

  private sample() {
    const now = performance.now();
    const dt = (now - this.lastAt) / 1000;
    this.lastAt = now;
    for (const g of this.groups) {
      let cpu = 0;
      let rss = 0;
      for (const pid of g.pids()) {
        const c = cpuSeconds(pid);
        cpu += c - (this.last.get(pid) ?? c);
        this.last.set(pid, c);
        rss += memoryMb(pid).rss;
      }
      const s = this.samples.get(g.name) ?? { cpu: [], rss: [] };
      s.cpu.push((cpu / dt) * 100);
      s.rss.push(rss);
      this.samples.set(g.name, s);
    }
    const m = machineTicks();
    this.machine.push(((m.busy - this.lastMachine.busy) / Math.max(1, m.total - this.lastMachine.total)) * 100);
    this.lastMachine = m;
  }

  stop(): { groups: TGroupSummary[]; machineBusyPct: number; load: number[] } {
    clearInterval(this.timer);
    const avg = (a: number[]) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);
    return {
      groups: this.groups.map((g) => {
        const s = this.samples.get(g.name) ?? { cpu: [], rss: [] };
        return { name: g.name, avgCpu: avg(s.cpu), maxCpu: Math.max(0, ...s.cpu), maxRssMb: Math.max(0, ...s.rss) };
      }),
      machineBusyPct: avg(this.machine),
      load: os.loadavg(),
    };
  }
}
