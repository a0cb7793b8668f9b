// The platform's periodic work, in one list (see lib/jobs/scheduler.ts).
import type { Db } from "../db/client.ts";
import { dueOperators, syncOperator } from "../ocpi/index.ts";
import { runBookingSweep } from "../booking/index.ts";
import { refreshMapCells } from "../map/query-cells.ts";
import { runSessionSweep } from "../sessions/index.ts";
import { fillOwnerRollup } from "../owner/rollup-fill.ts";
import type { Job } from "./scheduler.ts";

export function platformJobs(db: Db): Job[] {
  return [
    {
      // ReserveNow at slot start, no-shows after the grace period, the
      // 15-minutes-left notice, bookings on faulted connectors cancelled.
      name: "booking-sweep",
      everyMs: 30_000,
      run: (now) => runBookingSweep(db, now).then(() => undefined),
    },
    {
      // Sessions the charger stopped are priced and captured; energy caps; idle-fee notices.
      name: "session-sweep",
      everyMs: 30_000,
      run: (now) => runSessionSweep(db, now).then(() => undefined),
    },
    {
      // Country and continent zooms read pre-aggregated cells (lib/map/query-cells.ts).
      name: "map-cells",
      everyMs: 30_000,
      run: () => refreshMapCells(db).then(() => undefined),
    },
    {
      // Owner dashboard roll-up: closed days of owners' stations, newest first,
      // about a second of work per run (lib/owner/rollup-fill.ts).
      name: "owner-rollup",
      everyMs: 60_000,
      run: (now) => fillOwnerRollup(db, { now, budgetMs: 1000 }).then((r) => (r.days ? r : undefined)),
    },
    {
      // Operators' OCPI feeds, each at its own interval: incremental pulls,
      // with a full pull once a day to notice removed locations.
      name: "ocpi-sync",
      everyMs: 60_000,
      run: async (now) => {
        const due = await dueOperators(db, now);
        const results = [];
        for (const op of due) {
          const full = !op.lastSyncedAt || op.lastSyncedAt.toISOString().slice(0, 10) !== now.toISOString().slice(0, 10);
          const r = await syncOperator(db, op.id, { mode: full ? "FULL" : "INCREMENTAL" });
          results.push({ operator: op.name, mode: full ? "FULL" : "INCREMENTAL", status: (r as { status?: string }).status });
        }
        return results.length ? results : undefined;
      },
    },
  ];
}
