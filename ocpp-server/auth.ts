// The WebSocket handshake: subprotocol, path, charger identity and password.
import type { Db } from "../lib/db/client.ts";
import {
  checkChargerPassword,
  findCharger,
  recordIncident,
  registerUnknownCharger,
  unknownChargerPolicy,
  type TUnknownChargerPolicy,
} from "../lib/charging/index.ts";
import type { TLogger } from "../lib/ocpp/log.ts";

/** registration: what the charger's last BootNotification was (or would be) answered; anything but ACCEPTED may only boot. */
export type TSession = { stationId: string; identity: string; ipAddress?: string; registration: TRegistration };
export type TRegistration = "ACCEPTED" | "PENDING" | "REJECTED";

const registrationOf = (s: { registrationStatus: string; status: string }): TRegistration =>
  s.status === "REMOVED" || s.status === "SUSPENDED" ? "REJECTED" : (s.registrationStatus as TRegistration);

type Handshake = { identity: string; endpoint: string; protocols: Set<string>; password?: Buffer; remoteAddress?: string; headers: Record<string, string | string[] | undefined> };

export function clientIp(h: Pick<Handshake, "remoteAddress" | "headers">, trustProxy: boolean): string | undefined {
  const fwd = h.headers["x-forwarded-for"];
  if (trustProxy && typeof fwd === "string" && fwd) return fwd.split(",")[0].trim();
  return h.remoteAddress?.replace(/^::ffff:/, "");
}

export function createAuthCallback(opts: { db: Db; log: TLogger; unknownChargers?: TUnknownChargerPolicy; trustProxy: boolean }) {
  const { db, log } = opts;
  return async (accept: (session: TSession, protocol: string) => void, reject: (code: number, message: string) => void, h: Handshake) => {
    const ip = clientIp(h, opts.trustProxy);
    try {
      if (!h.protocols.has("ocpp1.6")) return reject(400, "Subprotocol ocpp1.6 required");
      // Letters, digits and . _ - : only: identities end up in logs, URLs and admin pages.
      if (h.endpoint !== "/ocpp" || !/^[A-Za-z0-9._:-]{1,48}$/.test(h.identity)) return reject(404, "Use /ocpp/<chargePointId>");

      let station = await findCharger(db, h.identity);
      if (!station) {
        const policy = opts.unknownChargers ?? (await unknownChargerPolicy(db));
        if (policy === "reject") {
          await recordIncident(db, { stationId: null, identity: h.identity, kind: "UNKNOWN_CHARGER", detail: `Unknown charger ${h.identity} refused (from ${ip ?? "?"})` });
          log.warn("unknown charger refused", { identity: h.identity, ip });
          return reject(404, "Unknown charger");
        }
        station = await registerUnknownCharger(db, h.identity, policy);
        log.info("unknown charger registered", { identity: h.identity, policy, ip });
        return accept({ stationId: station.id, identity: h.identity, ipAddress: ip, registration: registrationOf(station) }, "ocpp1.6");
      }

      if (station.ocppPasswordHash) {
        if (!(await checkChargerPassword(station.ocppPasswordHash, h.password))) {
          log.warn("charger password refused", { identity: h.identity, ip });
          return reject(401, "Unauthorized");
        }
      } else if (station.registrationStatus === "ACCEPTED") {
        // An accepted charger without a password would let anyone speak for it,
        // unless the admin chose to let chargers register themselves.
        const policy = opts.unknownChargers ?? (await unknownChargerPolicy(db));
        if (policy !== "auto") {
          log.warn("charger has no OCPP password set", { identity: h.identity, ip });
          return reject(401, "No OCPP password set for this charger");
        }
      }
      accept({ stationId: station.id, identity: h.identity, ipAddress: ip, registration: registrationOf(station) }, "ocpp1.6");
    } catch (err) {
      log.error("handshake failed", { identity: h.identity, error: (err as Error).message });
      reject(503, "Service unavailable");
    }
  };
}
