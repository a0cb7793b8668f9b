// Messages between the benchmark's orchestrator and its load-generator workers (IPC).
export type TMix = { meterValues: number; heartbeat: number; status: number };

export type TConnectCmd = {
  cmd: "connect";
  url: string;
  identities: string[];
  password: string;
  concurrency: number;
  /** Start a transaction per charger during setup, so MeterValues belong to a session. */
  transactions: boolean;
  timeoutMs: number;
};

export type TRunCmd = {
  cmd: "run";
  /** rate: paced at `rate` msgs/s; saturate: every free charger sends again at once (closed loop, at most `inflight` outstanding). */
  mode: "rate" | "saturate";
  rate: number;
  inflight: number;
  durationMs: number;
  drainMs: number;
  mix: TMix;
};

export type TCloseCmd = { cmd: "close" };
export type TWorkerCmd = TConnectCmd | TRunCmd | TCloseCmd;

export type TConnected = { evt: "connected"; connected: number; failed: number; failures: Record<string, number>; ms: number };
export type TProgress = { evt: "progress"; sent: number; answered: number; inflight: number };

/** An answer slower than this counts towards a second's "slow" figure (the p99 target). */
export const SLOW_MS = 100;

// Latency histogram: 0.1 ms steps below 100 ms, 1 ms below 10 s, 10 ms below 120 s.
export const HIST_BUCKETS = 1000 + 9900 + 11000;
export function bucketOf(ms: number): number {
  if (ms < 100) return Math.floor(ms * 10);
  if (ms < 10_000) return 1000 + Math.floor(ms - 100);
  return Math.min(HIST_BUCKETS, 10_900 + Math.floor((ms - 10_000) / 10));
}
/** The upper edge of a bucket, in ms. */
export function bucketUpperMs(b: number): number {
  if (b < 1000) return (b + 1) / 10;
  if (b < 10_900) return b - 1000 + 100 + 1;
  return 10_000 + (b - 10_900 + 1) * 10;
}

export type TRunResult = {
  evt: "result";
  sent: Record<string, number>;
  answered: Record<string, number>;
  errors: Record<string, number>;
  /** Sampled values in MeterValues the server answered. */
  sampledValuesAnswered: number;
  sampledValuesSent: number;
  unanswered: number;
  /** Rate mode: sends skipped because every charger had a call outstanding (OCPP allows one at a time). */
  skippedBusy: number;
  disconnects: number;
  hist: number[];
  overflow: number;
  maxMs: number;
  firstSendAt: number;
  lastAnswerAt: number;
  /** Per wall-clock second of sending: [epoch second, answered, answered over SLOW_MS, max ms]; says when the tail happened. */
  seconds: [number, number, number, number][];
  /** Per charger: last Heartbeat currentTime answered, and last energy register answered in MeterValues. */
  heartbeats: [string, string][];
  meters: [number, number][];
};

export type TWorkerEvt = TConnected | TProgress | TRunResult | { evt: "closed" } | { evt: "error"; message: string };
