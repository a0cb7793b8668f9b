// How the simulated charger answers each OCPP 1.6 command from the central
// system. Side effects (starting a transaction, a reboot, firmware progress)
// run after the answer, as on real hardware.
import type { SimulatedCharger, TSimConnector } from "./simulated-charger.ts";

const later = (sim: SimulatedCharger, fn: () => Promise<unknown>, delayMs = 0) => {
  setTimeout(() => void fn().catch((err) => sim.reportError(err)), delayMs).unref();
};

const OWN_VENDOR_ID = "Chargeway";

export function attachSimCommandHandlers(sim: SimulatedCharger): void {
  const step = () => sim.options.stepDelayMs;
  const handle = (action: string, fn: (p: any) => unknown | Promise<unknown>) =>
    sim.client.handle(action, async ({ params }: { params: any }) => {
      sim.emit("command", { action, params });
      return fn(params);
    });

  handle("RemoteStartTransaction", (p) => {
    const c = p.connectorId !== undefined ? sim.connectors.get(p.connectorId) : [...sim.connectors.values()].find((x) => !x.transaction && x.operative && x.status !== "Faulted");
    if (!c || c.transaction || !c.operative || c.status === "Faulted") return { status: "Rejected" };
    // A reservation made for a group (parentIdTag) is checked with Authorize, as for a card.
    if (c.reservation && c.reservation.idTag.toLowerCase() !== String(p.idTag).toLowerCase() && !c.reservation.parentIdTag) return { status: "Rejected" };
    later(sim, async () => {
      if (c.reservation && c.reservation.idTag.toLowerCase() !== String(p.idTag).toLowerCase()) {
        if (!(await sim.mayUseReservation(c, p.idTag))) return;
      } else if (sim.configuration.get("AuthorizeRemoteTxRequests")?.value === "true") {
        const info = await sim.authorize(p.idTag);
        if (info.status !== "Accepted") return;
      }
      await sim.startTransaction(c.id, p.idTag);
    });
    return { status: "Accepted" };
  });

  handle("RemoteStopTransaction", (p) => {
    const c = [...sim.connectors.values()].find((x) => x.transaction?.transactionId === p.transactionId);
    if (!c) return { status: "Rejected" };
    later(sim, () => sim.stopTransaction("Remote", c.id));
    return { status: "Accepted" };
  });

  handle("Reset", (p) => {
    later(sim, () => sim.reboot(p.type), step());
    return { status: "Accepted" };
  });

  handle("UnlockConnector", (p) => {
    const c = sim.connectors.get(p.connectorId);
    if (!c) return { status: "NotSupported" };
    if (c.transaction) later(sim, () => sim.stopTransaction("UnlockCommand", c.id));
    c.plugged = false;
    return { status: "Unlocked" };
  });

  handle("ChangeAvailability", (p) => {
    const targets: TSimConnector[] = p.connectorId === 0 ? [...sim.connectors.values()] : [sim.connectors.get(p.connectorId)].filter((c): c is TSimConnector => !!c);
    if (!targets.length) return { status: "Rejected" };
    const operative = p.type === "Operative";
    const busy = !operative && targets.some((c) => c.transaction);
    later(sim, async () => {
      for (const c of targets) {
        c.operative = operative;
        // A connector in use becomes unavailable when its transaction ends (Scheduled).
        if (!c.transaction) await sim.setStatus(c.id, operative ? (c.plugged ? "Preparing" : "Available") : "Unavailable");
      }
      if (p.connectorId === 0) await sim.setStatus(0, operative ? "Available" : "Unavailable");
    });
    return { status: busy ? "Scheduled" : "Accepted" };
  });

  handle("GetConfiguration", (p) => {
    const wanted: string[] | undefined = p.key?.length ? p.key : undefined;
    const keys = wanted ? wanted.filter((k) => sim.configuration.has(k)) : [...sim.configuration.keys()];
    const unknownKey = wanted ? wanted.filter((k) => !sim.configuration.has(k)) : [];
    return {
      configurationKey: keys.map((key) => ({ key, readonly: sim.configuration.get(key)!.readonly, value: sim.configuration.get(key)!.value })),
      ...(unknownKey.length && { unknownKey }),
    };
  });

  handle("ChangeConfiguration", (p) => {
    const entry = sim.configuration.get(p.key);
    if (!entry) return { status: "NotSupported" };
    if (entry.readonly) return { status: "Rejected" };
    if (p.key === "HeartbeatInterval") {
      const sec = Number(p.value);
      if (!Number.isInteger(sec) || sec < 1) return { status: "Rejected" };
      sim.setHeartbeatInterval(sec * 1000);
    }
    if (p.key === "MeterValueSampleInterval") {
      const sec = Number(p.value);
      if (!Number.isInteger(sec) || sec < 1) return { status: "Rejected" };
      sim.options.meterIntervalMs = sec * 1000;
    }
    sim.configuration.set(p.key, { value: p.value, readonly: false });
    return { status: p.key === "WebSocketPingInterval" ? "RebootRequired" : "Accepted" };
  });

  handle("ClearCache", () => ({ status: "Accepted" }));

  handle("TriggerMessage", (p) => {
    const connectorId: number | undefined = p.connectorId;
    if (connectorId !== undefined && connectorId !== 0 && !sim.connectors.has(connectorId)) return { status: "Rejected" };
    const run: Record<string, () => Promise<unknown>> = {
      BootNotification: () => sim.boot(),
      Heartbeat: () => sim.heartbeat(),
      StatusNotification: async () => {
        if (connectorId !== undefined) await sim.sendStatus(connectorId);
        else await sim.reportAllStatuses();
      },
      MeterValues: () => sim.sendMeterValues(connectorId || 1, "Trigger"),
      DiagnosticsStatusNotification: () => sim.call("DiagnosticsStatusNotification", { status: "Idle" }),
      FirmwareStatusNotification: () => sim.call("FirmwareStatusNotification", { status: "Idle" }),
    };
    const fn = run[p.requestedMessage];
    if (!fn) return { status: "NotImplemented" };
    later(sim, fn);
    return { status: "Accepted" };
  });

  handle("ReserveNow", (p) => {
    const c = sim.connectors.get(p.connectorId);
    if (!c) return { status: "Rejected" };
    if (c.status === "Faulted") return { status: "Faulted" };
    if (!c.operative) return { status: "Unavailable" };
    if (c.transaction || c.reservation || c.status !== "Available") return { status: "Occupied" };
    c.reservation = { reservationId: p.reservationId, idTag: p.idTag, parentIdTag: p.parentIdTag, expiryDate: p.expiryDate };
    later(sim, () => sim.setStatus(c.id, "Reserved"));
    return { status: "Accepted" };
  });

  handle("CancelReservation", (p) => {
    const c = [...sim.connectors.values()].find((x) => x.reservation?.reservationId === p.reservationId);
    if (!c) return { status: "Rejected" };
    c.reservation = undefined;
    later(sim, () => sim.setStatus(c.id, "Available"));
    return { status: "Accepted" };
  });

  handle("SendLocalList", (p) => {
    if (sim.configuration.get("LocalAuthListEnabled")?.value !== "true") return { status: "NotSupported" };
    const entries: { idTag: string; idTagInfo?: unknown }[] = p.localAuthorizationList ?? [];
    if (p.updateType === "Differential" && p.listVersion <= sim.localList.version) return { status: "VersionMismatch" };
    if (p.updateType === "Full") sim.localList.entries.clear();
    for (const e of entries) {
      if (e.idTagInfo) sim.localList.entries.set(e.idTag, e.idTagInfo);
      else sim.localList.entries.delete(e.idTag);
    }
    sim.localList.version = p.listVersion;
    return { status: "Accepted" };
  });

  handle("GetLocalListVersion", () => ({ listVersion: sim.localList.version }));

  handle("SetChargingProfile", (p) => {
    if (p.connectorId !== 0 && !sim.connectors.has(p.connectorId)) return { status: "Rejected" };
    const profile = p.csChargingProfiles;
    if (profile.chargingProfilePurpose === "TxProfile" && !sim.connectors.get(p.connectorId)?.transaction) return { status: "Rejected" };
    const i = sim.chargingProfiles.findIndex((x) => x.profile.chargingProfileId === profile.chargingProfileId);
    if (i >= 0) sim.chargingProfiles.splice(i, 1);
    sim.chargingProfiles.push({ connectorId: p.connectorId, profile });
    return { status: "Accepted" };
  });

  handle("ClearChargingProfile", (p) => {
    const before = sim.chargingProfiles.length;
    const keep = sim.chargingProfiles.filter(
      (x) =>
        !(
          (p.id === undefined || x.profile.chargingProfileId === p.id) &&
          (p.connectorId === undefined || x.connectorId === p.connectorId) &&
          (p.chargingProfilePurpose === undefined || x.profile.chargingProfilePurpose === p.chargingProfilePurpose) &&
          (p.stackLevel === undefined || x.profile.stackLevel === p.stackLevel)
        ),
    );
    sim.chargingProfiles.splice(0, sim.chargingProfiles.length, ...keep);
    return { status: keep.length < before ? "Accepted" : "Unknown" };
  });

  handle("GetCompositeSchedule", (p) => {
    if (p.connectorId !== 0 && !sim.connectors.has(p.connectorId)) return { status: "Rejected" };
    const relevant = sim.chargingProfiles
      .filter((x) => x.connectorId === p.connectorId || x.connectorId === 0)
      .sort((a, b) => b.profile.stackLevel - a.profile.stackLevel);
    const start = new Date().toISOString();
    if (!relevant.length) return { status: "Accepted", connectorId: p.connectorId, scheduleStart: start };
    const schedule = relevant[0].profile.chargingSchedule;
    return {
      status: "Accepted",
      connectorId: p.connectorId,
      scheduleStart: start,
      chargingSchedule: {
        duration: p.duration,
        startSchedule: start,
        chargingRateUnit: p.chargingRateUnit ?? schedule.chargingRateUnit,
        chargingSchedulePeriod: schedule.chargingSchedulePeriod,
        ...(schedule.minChargingRate !== undefined && { minChargingRate: schedule.minChargingRate }),
      },
    };
  });

  handle("UpdateFirmware", (p) => {
    later(sim, async () => {
      for (const status of ["Downloading", "Downloaded", "Installing", "Installed"]) {
        await new Promise((r) => setTimeout(r, step()));
        await sim.call("FirmwareStatusNotification", { status });
      }
      sim.options.firmwareVersion = String(p.location).split("/").pop() || sim.options.firmwareVersion;
    });
    return {};
  });

  handle("GetDiagnostics", () => {
    const fileName = `diagnostics-${sim.identity}-${Date.now()}.zip`;
    later(sim, async () => {
      for (const status of ["Uploading", "Uploaded"]) {
        await new Promise((r) => setTimeout(r, step()));
        await sim.call("DiagnosticsStatusNotification", { status });
      }
    });
    return { fileName };
  });

  handle("DataTransfer", (p) => {
    if (p.vendorId !== OWN_VENDOR_ID) return { status: "UnknownVendorId" };
    return { status: "Accepted", data: JSON.stringify({ echo: p.data ?? null, messageId: p.messageId ?? null }) };
  });
}
