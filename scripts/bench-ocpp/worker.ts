// A load-generator process: many chargers over plain `ws` frames (no ocpp-rpc
// here, so the client side stays cheap). Each charger keeps at most one CALL
// outstanding, as OCPP 1.6 requires; latency is send -> CALLRESULT.
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { bucketOf, HIST_BUCKETS, SLOW_MS, type TConnectCmd, type TMix, type TRunCmd, type TRunResult, type TWorkerCmd, type TWorkerEvt } from "./protocol.ts";

type TCharger = { k: number; i: number; identity: string; ws: WebSocket; busy: boolean; txId: number; energyWh: number; charging: boolean; lastHb?: string; lastMeterAnswered?: number };
type TPending = { t0: number; sentAt: number; ch: TCharger; action: string; sv: number; energy?: number; onAnswer?: (payload: any) => void; onError?: (code: string) => void };

const send = (m: TWorkerEvt) => process.send!(m);
const chargers: TCharger[] = [];
const pending = new Map<string, TPending>();
let seq = 0;
let measuring = false;
let disconnects = 0;
let stats = newStats();

function newStats() {
  return {
    sent: {} as Record<string, number>,
    answered: {} as Record<string, number>,
    errors: {} as Record<string, number>,
    sampledValuesAnswered: 0,
    sampledValuesSent: 0,
    hist: new Uint32Array(HIST_BUCKETS),
    overflow: 0,
    maxMs: 0,
    firstSendAt: 0,
    lastAnswerAt: 0,
    // epoch second of the send -> [answered, slow, max ms]
    seconds: new Map<number, [number, number, number]>(),
  };
}

// Free chargers in FIFO order, so every charger takes its turn.
let freeQ = new Int32Array(0);
let qHead = 0;
let qLen = 0;
const qPush = (i: number) => { freeQ[(qHead + qLen) % freeQ.length] = i; qLen++; };
const qPop = () => { const i = freeQ[qHead]; qHead = (qHead + 1) % freeQ.length; qLen--; return i; };
let onFree: ((ch: TCharger) => void) | null = null;

function call(ch: TCharger, action: string, payload: unknown, extra: Partial<TPending> = {}) {
  const id = String(++seq);
  ch.busy = true;
  const sv = extra.sv ?? 0;
  pending.set(id, { t0: performance.now(), sentAt: Date.now(), ch, action, sv, ...extra });
  if (measuring) {
    stats.sent[action] = (stats.sent[action] ?? 0) + 1;
    stats.sampledValuesSent += sv;
    if (!stats.firstSendAt) stats.firstSendAt = Date.now();
  }
  // MeterValues arrive pre-serialised (the bulk of the traffic, built from a template).
  ch.ws.send(`[2,"${id}","${action}",${typeof payload === "string" ? payload : JSON.stringify(payload)}]`);
}

function onMessage(ch: TCharger, data: WebSocket.RawData) {
  let frame: any[];
  try { frame = JSON.parse(data.toString()); } catch { return; }
  if (frame[0] === 2) {
    // The benchmark sends no commands; answer anything the server asks with NotImplemented.
    ch.ws.send(JSON.stringify([4, frame[1], "NotImplemented", "benchmark charger", {}]));
    return;
  }
  const p = pending.get(frame[1]);
  if (!p) return;
  pending.delete(frame[1]);
  const ms = performance.now() - p.t0;
  if (measuring) {
    if (frame[0] === 3) {
      stats.answered[p.action] = (stats.answered[p.action] ?? 0) + 1;
      stats.sampledValuesAnswered += p.sv;
      const b = bucketOf(ms);
      if (b < stats.hist.length) stats.hist[b]++;
      else stats.overflow++;
      if (ms > stats.maxMs) stats.maxMs = ms;
      stats.lastAnswerAt = Date.now();
      const sec = Math.floor(p.sentAt / 1000);
      let s = stats.seconds.get(sec);
      if (!s) stats.seconds.set(sec, (s = [0, 0, 0]));
      s[0]++;
      if (ms > SLOW_MS) s[1]++;
      if (ms > s[2]) s[2] = ms;
    } else {
      const key = `${p.action}:${frame[2]}`;
      stats.errors[key] = (stats.errors[key] ?? 0) + 1;
    }
  }
  if (frame[0] === 3) {
    if (p.action === "Heartbeat") p.ch.lastHb = frame[2]?.currentTime;
    if (p.action === "MeterValues" && p.energy !== undefined) p.ch.lastMeterAnswered = p.energy;
    p.onAnswer?.(frame[2]);
  } else p.onError?.(String(frame[2]));
  p.ch.busy = false;
  onFree?.(p.ch);
}

// The load generator shares the cores with the server, so the hottest frame
// is a string template (the same JSON as the objects it stands for).
const CTX = `"context":"Sample.Periodic","location":"Outlet"`;
function meterValues(ch: TCharger) {
  const powerW = 7000 + (ch.i % 40) * 100;
  ch.energyWh += Math.round(powerW / 120);
  const amps = (powerW / 3 / 230).toFixed(1);
  const volts = (229 + (ch.i % 3)).toFixed(1);
  const sampledValue =
    `[{"value":"${ch.energyWh}","measurand":"Energy.Active.Import.Register","unit":"Wh","format":"Raw",${CTX}},` +
    `{"value":"${powerW}","measurand":"Power.Active.Import","unit":"W",${CTX}},` +
    ["L1", "L2", "L3"].map((phase) => `{"value":"${amps}","measurand":"Current.Import","phase":"${phase}","unit":"A",${CTX}},`).join("") +
    ["L1-N", "L2-N", "L3-N"].map((phase) => `{"value":"${volts}","measurand":"Voltage","phase":"${phase}","unit":"V",${CTX}}`).join(",") +
    "]";
  const tx = ch.txId ? `,"transactionId":${ch.txId}` : "";
  const payload = `{"connectorId":1${tx},"meterValue":[{"timestamp":"${new Date().toISOString()}","sampledValue":${sampledValue}}]}`;
  return { payload, sv: 8, energy: ch.energyWh };
}

function sendMixed(ch: TCharger, mix: TMix) {
  const r = Math.random() * (mix.meterValues + mix.heartbeat + mix.status);
  if (r < mix.meterValues) {
    const m = meterValues(ch);
    call(ch, "MeterValues", m.payload, { sv: m.sv, energy: m.energy });
  } else if (r < mix.meterValues + mix.heartbeat) {
    call(ch, "Heartbeat", {});
  } else {
    // Alternate so every StatusNotification is a change and leaves a status-history row.
    ch.charging = !ch.charging;
    call(ch, "StatusNotification", { connectorId: 1, errorCode: "NoError", status: ch.charging ? "Charging" : "SuspendedEV", timestamp: new Date().toISOString() });
  }
}

function setupCall(ch: TCharger, action: string, payload: unknown, timeoutMs: number): Promise<any> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${action} timeout`)), timeoutMs);
    call(ch, action, payload, {
      onAnswer: (p) => { clearTimeout(timer); resolve(p); },
      onError: (code) => { clearTimeout(timer); reject(new Error(`${action} ${code}`)); },
    });
  });
}

async function connectOne(c: TConnectCmd, i: number, identity: string): Promise<TCharger> {
  const auth = "Basic " + Buffer.from(`${identity}:${c.password}`).toString("base64");
  const ws = new WebSocket(`${c.url}/${encodeURIComponent(identity)}`, "ocpp1.6", { headers: { authorization: auth }, perMessageDeflate: false, handshakeTimeout: c.timeoutMs });
  const ch: TCharger = { k: -1, i, identity, ws, busy: false, txId: 0, energyWh: 1000 + i, charging: true };
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", (_req, res) => { reject(new Error(`HTTP ${res.statusCode}`)); ws.terminate(); });
    ws.once("error", (err) => reject(err));
  });
  ws.on("message", (d) => onMessage(ch, d));
  ws.on("close", () => { disconnects++; });
  ws.on("error", () => {});
  const boot = await setupCall(ch, "BootNotification", { chargePointVendor: "Bench", chargePointModel: "Load-1", chargePointSerialNumber: identity }, c.timeoutMs);
  if (boot.status !== "Accepted") throw new Error(`Boot ${boot.status}`);
  if (c.transactions) {
    const tx = await setupCall(ch, "StartTransaction", { connectorId: 1, idTag: `BT${i}`, meterStart: ch.energyWh, timestamp: new Date().toISOString() }, c.timeoutMs);
    ch.txId = tx.transactionId;
  }
  // A known starting state: Charging (the run alternates it).
  await setupCall(ch, "StatusNotification", { connectorId: 1, errorCode: "NoError", status: "Charging" }, c.timeoutMs);
  return ch;
}

async function connectAll(c: TConnectCmd) {
  const t0 = Date.now();
  const failures: Record<string, number> = {};
  let next = 0;
  const lane = async () => {
    while (next < c.identities.length) {
      const k = next++;
      const identity = c.identities[k];
      const i = Number(identity.replace(/\D/g, ""));
      try {
        const ch = await connectOne(c, i, identity);
        ch.k = chargers.length;
        chargers.push(ch);
      } catch (err) {
        const reason = (err as Error).message.slice(0, 80);
        failures[reason] = (failures[reason] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(c.concurrency, c.identities.length) }, lane));
  freeQ = new Int32Array(Math.max(1, chargers.length));
  qHead = 0;
  qLen = 0;
  chargers.forEach((_ch, k) => qPush(k));
  send({ evt: "connected", connected: chargers.length, failed: c.identities.length - chargers.length, failures, ms: Date.now() - t0 });
}

async function run(r: TRunCmd) {
  stats = newStats();
  disconnects = 0;
  measuring = true;
  const end = performance.now() + r.durationMs;
  let stopped = false;
  let skippedBusy = 0;
  // Rebuild the free queue from the chargers' state.
  qHead = 0; qLen = 0;
  chargers.forEach((ch, k) => { if (!ch.busy && ch.ws.readyState === WebSocket.OPEN) qPush(k); });

  const progress = setInterval(() => {
    const sent = Object.values(stats.sent).reduce((a, b) => a + b, 0);
    const answered = Object.values(stats.answered).reduce((a, b) => a + b, 0);
    send({ evt: "progress", sent, answered, inflight: pending.size });
  }, 1000);

  if (r.mode === "saturate") {
    const fire = () => {
      while (!stopped && qLen > 0 && pending.size < r.inflight) {
        const ch = chargers[qPop()];
        if (ch.ws.readyState !== WebSocket.OPEN) continue;
        sendMixed(ch, r.mix);
      }
    };
    onFree = (ch) => { if (ch.ws.readyState === WebSocket.OPEN) qPush(ch.k); if (!stopped) fire(); };
    fire();
    await new Promise((res) => setTimeout(res, r.durationMs));
    stopped = true;
  } else {
    onFree = (ch) => { if (ch.ws.readyState === WebSocket.OPEN) qPush(ch.k); };
    let budget = 0;
    let last = performance.now();
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const now = performance.now();
        if (now >= end) { clearInterval(tick); stopped = true; resolve(); return; }
        budget += (r.rate * (now - last)) / 1000;
        last = now;
        while (budget >= 1) {
          if (qLen === 0) { skippedBusy += Math.floor(budget); budget -= Math.floor(budget); break; }
          const ch = chargers[qPop()];
          if (ch.ws.readyState !== WebSocket.OPEN) continue;
          sendMixed(ch, r.mix);
          budget--;
        }
      }, 5);
    });
  }
  // Drain: wait for outstanding answers, bounded in time.
  const drainEnd = Date.now() + r.drainMs;
  while (pending.size > 0 && Date.now() < drainEnd) await new Promise((res) => setTimeout(res, 50));
  clearInterval(progress);
  measuring = false;
  onFree = null;
  const result: TRunResult = {
    evt: "result",
    sent: stats.sent,
    answered: stats.answered,
    errors: stats.errors,
    sampledValuesAnswered: stats.sampledValuesAnswered,
    sampledValuesSent: stats.sampledValuesSent,
    unanswered: pending.size,
    skippedBusy,
    disconnects,
    hist: Array.from(stats.hist),
    overflow: stats.overflow,
    maxMs: stats.maxMs,
    firstSendAt: stats.firstSendAt,
    lastAnswerAt: stats.lastAnswerAt,
    seconds: [...stats.seconds].map(([sec, [n, slow, max]]) => [sec, n, slow, max]),
    heartbeats: chargers.filter((c) => c.lastHb).map((c) => [c.identity, c.lastHb!]),
    meters: chargers.filter((c) => c.txId && c.lastMeterAnswered !== undefined).map((c) => [c.txId, c.lastMeterAnswered!]),
  };
  // Stale answers of a previous phase must not be counted against the next one.
  pending.clear();
  chargers.forEach((c) => { c.busy = false; c.lastHb = undefined; });
  send(result);
}

async function closeAll() {
  await Promise.all(
    chargers.map((ch) => new Promise<void>((resolve) => {
      if (ch.ws.readyState === WebSocket.CLOSED) return resolve();
      const t = setTimeout(() => { ch.ws.terminate(); resolve(); }, 5000);
      ch.ws.once("close", () => { clearTimeout(t); resolve(); });
      ch.ws.close(1000);
    })),
  );
  chargers.length = 0;
  send({ evt: "closed" });
}

process.on("message", (m: TWorkerCmd) => {
  const job = m.cmd === "connect" ? connectAll(m) : m.cmd === "run" ? run(m) : closeAll();
  job.catch((err) => send({ evt: "error", message: (err as Error).stack ?? String(err) }));
});
process.on("disconnect", () => process.exit(0));
