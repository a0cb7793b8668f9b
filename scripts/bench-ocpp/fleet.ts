// Controls the load-generator worker processes and merges their results.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { bucketUpperMs, type TConnected, type TMix, type TProgress, type TRunResult, type TWorkerCmd, type TWorkerEvt } from "./protocol.ts";

export type TMerged = Omit<TRunResult, "evt"> & { workers: number };

export class Fleet {
  readonly procs: ChildProcess[] = [];
  onProgress?: (p: { sent: number; answered: number; inflight: number }) => void;
  private progress = new Map<number, TProgress>();

  constructor(count: number) {
    const file = path.join(import.meta.dirname, "worker.ts");
    for (let i = 0; i < count; i++) {
      const p = fork(file, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
      p.on("message", (m: TWorkerEvt) => {
        if (m.evt === "progress") {
          this.progress.set(i, m);
          if (this.progress.size === this.procs.length) {
            const all = [...this.progress.values()];
            this.onProgress?.({ sent: sum(all.map((x) => x.sent)), answered: sum(all.map((x) => x.answered)), inflight: sum(all.map((x) => x.inflight)) });
            this.progress.clear();
          }
        }
      });
      this.procs.push(p);
    }
  }

  pids(): number[] {
    return this.procs.map((p) => p.pid!).filter(Boolean);
  }

  private ask<T extends TWorkerEvt["evt"]>(cmds: TWorkerCmd[], evt: T, timeoutMs: number): Promise<Extract<TWorkerEvt, { evt: T }>[]> {
    return Promise.all(
      this.procs.map(
        (p, i) =>
          new Promise<Extract<TWorkerEvt, { evt: T }>>((resolve, reject) => {
            const timer = setTimeout(() => { p.off("message", on); reject(new Error(`worker ${i} gave no "${evt}" within ${timeoutMs} ms`)); }, timeoutMs);
            const on = (m: TWorkerEvt) => {
              if (m.evt === "error") { clearTimeout(timer); p.off("message", on); reject(new Error(`worker ${i}: ${m.message}`)); }
              if (m.evt === evt) { clearTimeout(timer); p.off("message", on); resolve(m as Extract<TWorkerEvt, { evt: T }>); }
            };
            p.on("message", on);
            p.send(cmds[i]);
          }),
      ),
    );
  }

  async connect(url: string, identities: string[], password: string, opts: { concurrency: number; transactions: boolean }): Promise<TConnected> {
    const n = this.procs.length;
    const slices = this.procs.map((_p, i) => identities.filter((_id, k) => k % n === i));
    const res = await this.ask(
      slices.map((ids) => ({ cmd: "connect", url, identities: ids, password, concurrency: opts.concurrency, transactions: opts.transactions, timeoutMs: 60_000 })),
      "connected",
      30 * 60_000,
    );
    const failures: Record<string, number> = {};
    for (const r of res) for (const [k, v] of Object.entries(r.failures)) failures[k] = (failures[k] ?? 0) + v;
    return { evt: "connected", connected: sum(res.map((r) => r.connected)), failed: sum(res.map((r) => r.failed)), failures, ms: Math.max(...res.map((r) => r.ms)) };
  }

  async run(o: { mode: "rate" | "saturate"; rate: number; inflight: number; durationMs: number; mix: TMix }): Promise<TMerged> {
    const n = this.procs.length;
    const drainMs = 35_000;
    const cmd: TWorkerCmd = { cmd: "run", mode: o.mode, rate: o.rate / n, inflight: Math.max(1, Math.floor(o.inflight / n)), durationMs: o.durationMs, drainMs, mix: o.mix };
    const res = await this.ask(this.procs.map(() => cmd), "result", o.durationMs + drainMs + 60_000);
    return merge(res);
  }

  async closeSockets(): Promise<void> {
    await this.ask(this.procs.map(() => ({ cmd: "close" })), "closed", 60_000);
  }

  kill(): void {
    for (const p of this.procs) if (p.exitCode === null) p.kill();
  }
}

const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);

function addInto(into: Record<string, number>, from: Record<string, number>) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

function merge(rs: TRunResult[]): TMerged {
  const m: TMerged = {
    workers: rs.length, sent: {}, answered: {}, errors: {}, sampledValuesAnswered: 0, sampledValuesSent: 0, unanswered: 0, skippedBusy: 0,
    disconnects: 0, hist: new Array(rs[0].hist.length).fill(0), overflow: 0, maxMs: 0, firstSendAt: Infinity, lastAnswerAt: 0, seconds: [], heartbeats: [], meters: [],
  };
  const seconds = new Map<number, [number, number, number]>();
  for (const r of rs) {
    addInto(m.sent, r.sent);
    addInto(m.answered, r.answered);
    addInto(m.errors, r.errors);
    m.sampledValuesAnswered += r.sampledValuesAnswered;
    m.sampledValuesSent += r.sampledValuesSent;
    m.unanswered += r.unanswered;
    m.skippedBusy += r.skippedBusy;
    m.disconnects += r.disconnects;
    r.hist.forEach((v, i) => (m.hist[i] += v));
    m.overflow += r.overflow;
    m.maxMs = Math.max(m.maxMs, r.maxMs);
    if (r.firstSendAt) m.firstSendAt = Math.min(m.firstSendAt, r.firstSendAt);
    m.lastAnswerAt = Math.max(m.lastAnswerAt, r.lastAnswerAt);
    for (const [sec, n, slow, max] of r.seconds) {
      const s = seconds.get(sec) ?? [0, 0, 0];
      seconds.set(sec, [s[0] + n, s[1] + slow, Math.max(s[2], max)]);
    }
    m.heartbeats.push(...r.heartbeats);
    m.meters.push(...r.meters);
  }
  m.seconds = [...seconds].sort((a, b) => a[0] - b[0]).map(([sec, [n, slow, max]]) => [sec, n, slow, max]);
  return m;
}

/** Latency percentile in ms from the merged histogram (an upper bound at the bucket's resolution). */
export function percentile(m: TMerged, p: number): number {
  const total = sum(m.hist) + m.overflow;
  if (!total) return NaN;
  const target = Math.ceil((p / 100) * total);
  let acc = 0;
  for (let i = 0; i < m.hist.length; i++) {
    acc += m.hist[i];
    if (acc >= target) return Math.min(bucketUpperMs(i), m.maxMs);
  }
  return m.maxMs;
}

export const totalOf = (r: Record<string, number>) => sum(Object.values(r));
