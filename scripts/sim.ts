// npm run sim -- --count N --url ws://127.0.0.1:9000/ocpp --prefix SIM --password ... [--connectors 2]
//   [--meter-interval 10000] [--power 11000] [--charge] [--id-tag CARD] [--duration 60]
// Runs N simulated chargers (real OCPP 1.6 clients). With --charge, each starts a
// transaction after booting and sends meter values until stopped (Ctrl-C) or --duration seconds.
import { parseArgs } from "node:util";
import { SimulatedCharger } from "../lib/sim/index.ts";

const { values: a } = parseArgs({
  options: {
    count: { type: "string", default: "1" },
    url: { type: "string", default: `ws://127.0.0.1:${process.env.OCPP_PORT ?? 9000}/ocpp` },
    prefix: { type: "string", default: "SIM" },
    password: { type: "string" },
    connectors: { type: "string", default: "1" },
    "meter-interval": { type: "string", default: "10000" },
    "heartbeat-interval": { type: "string", default: "60000" },
    power: { type: "string", default: "11000" },
    charge: { type: "boolean", default: false },
    "id-tag": { type: "string", default: "SIM-CARD" },
    duration: { type: "string" },
  },
});

const count = Number(a.count);
if (!Number.isInteger(count) || count < 1 || count > 20_000) {
  console.error("--count must be a whole number from 1 to 20000");
  process.exit(2);
}
const chargers: SimulatedCharger[] = [];
const width = String(count).length;
let accepted = 0;
let failed = 0;

for (let i = 1; i <= count; i++) {
  const sim = new SimulatedCharger({
    url: a.url!,
    identity: `${a.prefix}-${String(i).padStart(Math.max(width, 3), "0")}`,
    password: a.password,
    connectors: Number(a.connectors),
    meterIntervalMs: Number(a["meter-interval"]),
    heartbeatIntervalMs: Number(a["heartbeat-interval"]),
    powerW: Number(a.power),
    reconnect: true,
  });
  sim.on("error", (err: Error) => console.error(`${sim.identity}: ${err.message}`));
  chargers.push(sim);
}

await Promise.all(
  chargers.map(async (sim) => {
    try {
      const status = await sim.connect();
      if (status === "Accepted") accepted++;
      if (a.charge && status === "Accepted") await sim.startTransaction(1, a["id-tag"]!);
    } catch (err) {
      failed++;
      console.error(`${sim.identity}: ${(err as Error).message}`);
    }
  }),
);
console.log(`${chargers.length - failed} chargers connected (${accepted} accepted, ${failed} failed) to ${a.url}. Ctrl-C to stop.`);

const stop = async () => {
  console.log("stopping: ending transactions and closing sockets");
  await Promise.allSettled(chargers.map(async (s) => {
    if (a.charge) await s.stopTransaction("Local").catch(() => {});
    await s.close();
  }));
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
if (a.duration) setTimeout(stop, Number(a.duration) * 1000);
