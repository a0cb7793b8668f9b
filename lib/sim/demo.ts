// Demo mode for `npm start`: a few simulated chargers against the identities
// the seed creates, each now and then charging a car for a few minutes, so the
// map, garage and owner pages show live data.
import { SimulatedCharger } from "./simulated-charger.ts";

export const DEMO_IDENTITIES = ["DEMO-GARAGE-01", "DEMO-GARAGE-02", "DEMO-GARAGE-03", "DEMO-GARAGE-04", "DEMO-CITY-01"];
export const DEMO_PASSWORD = "demo-charger-pass";

export type TDemoOptions = {
  /** e.g. ws://127.0.0.1:9000/ocpp */
  url: string;
  identities?: string[];
  /** One password for all, or one per identity. */
  password?: string | Record<string, string>;
  /** Cards the demo cars use, for every charger or per identity (a charger
   *  with no cards starts no sessions of its own; drivers still can). */
  idTags?: string[] | Record<string, string[]>;
  meterIntervalMs?: number;
  heartbeatIntervalMs?: number;
  /** How often an idle charger may start a session, and how long sessions last. */
  sessionEveryMs?: number;
  sessionDurationMs?: [number, number];
  powerW?: number;
  log?: (msg: string) => void;
};

export type TDemoHandle = { chargers: SimulatedCharger[]; stop(): Promise<void> };

export async function runDemoChargers(opts: TDemoOptions): Promise<TDemoHandle> {
  const log = opts.log ?? (() => {});
  const identities = opts.identities ?? DEMO_IDENTITIES;
  const cardsOf = (identity: string): string[] =>
    Array.isArray(opts.idTags) ? opts.idTags : opts.idTags ? (opts.idTags[identity] ?? []) : ["DEMO-CARD-01"];
  const [minMs, maxMs] = opts.sessionDurationMs ?? [2 * 60_000, 6 * 60_000];
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];

  const chargers = identities.map(
    (identity, i) =>
      new SimulatedCharger({
        url: opts.url,
        identity,
        password: typeof opts.password === "object" ? opts.password[identity] : (opts.password ?? DEMO_PASSWORD),
        connectors: identity.includes("CITY") ? 2 : 1,
        meterIntervalMs: opts.meterIntervalMs ?? 15_000,
        heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 60_000,
        powerW: opts.powerW ?? (identity.includes("CITY") ? 22_000 : 11_000),
        firmwareVersion: `1.${i}.0`,
        reconnect: true,
      }),
  );
  for (const c of chargers) c.on("error", (err: Error) => log(`[demo] ${c.identity}: ${err.message}`));

  // The OCPP server may still be starting: keep trying in the background.
  const start = async (c: SimulatedCharger) => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await c.connect();
        log(`[demo] ${c.identity} connected (${c.registrationStatus})`);
        return;
      } catch (err) {
        if (attempt % 10 === 0) log(`[demo] ${c.identity} cannot connect yet: ${(err as Error).message}`);
        await c.close().catch(() => {});
        await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** Math.min(attempt, 4), 15_000)));
      }
    }
  };
  await Promise.race([Promise.all(chargers.map(start)), new Promise((r) => setTimeout(r, 5000))]);

  const tick = async (c: SimulatedCharger, n: number) => {
    if (stopped || c.registrationStatus !== "Accepted" || c.client.state !== 1) return;
    const idle = [...c.connectors.values()].find((x) => !x.transaction && x.operative && x.status === "Available");
    if (!idle || Math.random() < 0.4) return;
    const cards = cardsOf(c.identity);
    if (!cards.length) return;
    const idTag = cards[n % cards.length];
    // As a charger without a local list does: ask first, and start only for a
    // card the central system accepts (a refused card charges nothing).
    const auth = await c.authorize(idTag);
    if (auth.status !== "Accepted") return log(`[demo] ${c.identity}: card ${idTag} refused (${auth.status})`);
    const res = await c.startTransaction(idle.id, idTag);
    log(`[demo] ${c.identity} connector ${idle.id}: session ${res.transactionId} (${res.idTagInfo.status})`);
    if (res.idTagInfo.status !== "Accepted") return void (await c.unplug(idle.id));
    const t = setTimeout(() => void c.unplug(idle.id).catch(() => {}), minMs + Math.random() * (maxMs - minMs));
    t.unref();
    timers.push(t);
  };
  chargers.forEach((c, i) => {
    let n = i;
    const t = setInterval(() => void tick(c, n++).catch((err) => log(`[demo] ${c.identity}: ${err.message}`)), opts.sessionEveryMs ?? 90_000);
    t.unref();
    timers.push(t);
  });

  return {
    chargers,
    async stop() {
      stopped = true;
      timers.forEach((t) => clearTimeout(t));
      await Promise.allSettled(chargers.map((c) => c.close()));
    },
  };
}
