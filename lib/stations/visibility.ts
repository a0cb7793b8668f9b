// Which stations a driver may open: the same rule as the map's pins
// (lib/map/where.ts VISIBLE), so a pin never leads to a missing page.
import type { Prisma } from "../db/client.ts";

export const PUBLIC_STATION: Prisma.StationWhereInput = { publish: true, status: { in: ["ACTIVE", "MAINTENANCE"] } };

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
