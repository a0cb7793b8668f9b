import type { Db, Prisma } from "../db/client.ts";

export type Tx = Prisma.TransactionClient;
export type DbOrTx = Db | Tx;

/** Who sent a message: the station row and the identity it connected with. */
export type TChargerRef = { stationId: string; identity: string };

/** One sampled value, every field as the charger sent it (protocol-neutral names). */
export type TSampledValue = {
  value: string;
  measurand?: string;
  phase?: string;
  unit?: string;
  context?: string;
  location?: string;
  format?: string;
};

export type TMeterSample = { timestamp: Date; values: TSampledValue[] };

/** Interactive transactions queue for a pool connection; after a restart
 *  hundreds of chargers reconnect at once, so wait longer than Prisma's 2 s. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;
