// After a card changes, the garage's online chargers are told, so a charger
// that answers from its local list or authorisation cache does not keep
// accepting a blocked card: a differential SendLocalList with the card's new
// status, or ClearCache where the charger has no local list (or refuses it).
import type { Db } from "../db/client.ts";
import { decideAuthorization } from "../charging/authorize-token.ts";
import { sendCommand } from "../ocpp/commands.ts";

const OCPP_STATUS = { ACCEPTED: "Accepted", BLOCKED: "Blocked", EXPIRED: "Expired", INVALID: "Invalid", CONCURRENT_TX: "Accepted" } as const;

export type TPushSummary = {
  chargers: number;
  localList: number;
  cacheCleared: number;
  failed: number;
  details: { identity: string; action: string; answer: string }[];
};

export const PUSH_TIMEOUT_MS = 10_000;

/** The idTagInfo each card gets in a charger's local list, by seed 001's rule. */
export async function localListEntries(db: Db, siteId: string, cardIds: string[], now = new Date()) {
  const cards = await db.authToken.findMany({
    where: { id: { in: cardIds } },
    include: { renter: { select: { isActive: true, siteId: true } } },
  });
  return cards.map((token) => {
    const status = decideAuthorization({
      token,
      renterActive: token.renter ? token.renter.isActive && token.renter.siteId === siteId : null,
      parentStatus: null,
      stationSiteId: siteId,
      activeElsewhere: false,
      now,
    });
    return {
      idTag: token.idTag,
      idTagInfo: { status: OCPP_STATUS[status], ...(token.expiresAt && { expiryDate: token.expiresAt.toISOString() }) },
    };
  });
}

export async function pushCardsToChargers(
  db: Db,
  input: { siteId: string; cardIds: string[]; requestedById?: string; timeoutMs?: number },
): Promise<TPushSummary> {
  const summary: TPushSummary = { chargers: 0, localList: 0, cacheCleared: 0, failed: 0, details: [] };
  const stations = await db.station.findMany({
    where: { siteId: input.siteId, isOnline: true, ocppIdentity: { not: null } },
    select: { id: true, ocppIdentity: true, localListVersion: true },
  });
  if (!stations.length || !input.cardIds.length) return summary;
  const list = await localListEntries(db, input.siteId, input.cardIds);
  const timeoutMs = input.timeoutMs ?? PUSH_TIMEOUT_MS;
  summary.chargers = stations.length;
  await Promise.all(
    stations.map(async (s) => {
      const identity = s.ocppIdentity!;
      const sent = await sendCommand(db, {
        stationId: s.id, action: "SendLocalList", requestedById: input.requestedById, timeoutMs,
        payload: { listVersion: s.localListVersion + 1, updateType: "Differential", localAuthorizationList: list },
      });
      const answer = answerOf(sent);
      summary.details.push({ identity, action: "SendLocalList", answer });
      if (answer === "Accepted") {
        summary.localList++;
        return;
      }
      const cleared = await sendCommand(db, { stationId: s.id, action: "ClearCache", payload: {}, requestedById: input.requestedById, timeoutMs });
      const clearAnswer = answerOf(cleared);
      summary.details.push({ identity, action: "ClearCache", answer: clearAnswer });
      if (clearAnswer === "Accepted") summary.cacheCleared++;
      else summary.failed++;
    }),
  );
  return summary;
}

/** The charger's own word ("Accepted", "NotSupported" ...) or what went wrong on the way. */
export function answerOf(cmd: { status: string; response: unknown; error: string | null }): string {
  if (cmd.status === "ANSWERED") {
    const r = cmd.response as { status?: string; configurationKey?: unknown[] } | null;
    if (Array.isArray(r?.configurationKey)) return `${r.configurationKey.length} keys`;
    return r?.status ?? "Answered";
  }
  return cmd.status === "TIMED_OUT" ? "TimedOut" : `Failed${cmd.error ? `: ${cmd.error}` : ""}`;
}
