// Spawned by `npm start`: the seed's demo chargers (real OCPP clients) connect
// to the OCPP server and now and then charge a car, so the live pages move.
// The garage cars use the renters' seeded cards, which are valid only in their
// garage; the public city charger is left to drivers (app or booking starts).
import { parseArgs } from "node:util";
import { runDemoChargers } from "../lib/sim/demo.ts";
import { DEMO_CHARGER_PASSWORD, DEMO_CITY_CHARGERS, DEMO_GARAGE_CHARGERS } from "../lib/seed/demo-accounts.ts";

const { values } = parseArgs({ options: { url: { type: "string", default: `ws://127.0.0.1:${process.env.OCPP_PORT ?? 9000}/ocpp` } } });

const handle = await runDemoChargers({
  url: values.url!,
  identities: [...DEMO_GARAGE_CHARGERS, ...DEMO_CITY_CHARGERS],
  password: DEMO_CHARGER_PASSWORD,
  idTags: Object.fromEntries(DEMO_GARAGE_CHARGERS.map((id) => [id, ["RFID-RITA-01", "RFID-PAUL-01", "RFID-RITA-02"]])),
  log: (m) => console.log(m),
});

const stop = async () => {
  await handle.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
