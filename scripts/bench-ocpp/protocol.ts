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

export const HIST_BUCKETS_PER_MS = 10;
export const HIST_MAX_MS = 10_000;

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
  /** Per charger: last Heartbeat currentTime answered, and last energy register answered in MeterValues. */
  heartbeats: [string, string][];
  meters: [number, number][];
};

export type TWorkerEvt = TConnected | TProgress | TRunResult | { evt: "closed" } | { evt: "error"; message: string };
