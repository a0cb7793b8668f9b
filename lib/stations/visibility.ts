// Which stations a driver may open: the same rule as the map's pins
// (lib/map/where.ts VISIBLE), so a pin never leads to a missing page.
import type { Prisma } from "../db/client.ts";

export const PUBLIC_STATION: Prisma.StationWhereInput = { publish: true, status: { in: ["ACTIVE", "MAINTENANCE"] } };

export { isUuid } from "../ids.ts";
