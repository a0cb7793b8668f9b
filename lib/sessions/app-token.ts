// Each driver charges from the app with one APP token: its idTag is what the
// server puts in RemoteStartTransaction and ReserveNow, and what the charger
// sends back in StartTransaction, so the session is recognised as theirs.
import { randomBytes } from "node:crypto";
import type { Db, Prisma } from "../db/client.ts";

export async function appIdTagFor(db: Db | Prisma.TransactionClient, userId: string): Promise<{ idTag: string; tokenId: string }> {
  const existing = await db.authToken.findFirst({ where: { userId, type: "APP", status: "ACCEPTED" }, orderBy: { createdAt: "asc" } });
  if (existing) return { idTag: existing.idTag, tokenId: existing.id };
  // OCPP 1.6 idTags are at most 20 characters.
  const idTag = `APP${randomBytes(8).toString("hex").toUpperCase()}`;
  const token = await db.authToken.create({ data: { idTag, type: "APP", status: "ACCEPTED", userId, description: "Charging from the Chargeway app" } });
  return { idTag: token.idTag, tokenId: token.id };
}
