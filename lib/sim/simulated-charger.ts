// A charger that speaks OCPP 1.6-J through a real ocpp-rpc client: boots,
// heartbeats, reports status, authorises cards, charges with realistic meter
// values and answers every command the central system may send (see
// sim-commands.ts). Used by tests, by `npm run sim` and by the demo in `npm start`.
import { EventEmitter } from "node:events";
import { RPCClient } from "../ocpp/rpc.ts";
import { defaultConfiguration, type TConfigKey } from "./config-keys.ts";
import { advance, initialMeter, sampledValues, type TMeterState } from "./meter-model.ts";
import { attachSimCommandHandlers } from "./sim-commands.ts";

export type TSimChargerOptions = {
  /** Base URL, e.g. ws://127.0.0.1:9000/ocpp (the identity is appended). */
  url: string;
  identity: string;
  password?: string;
  connectors?: number;
  meterIntervalMs?: number;
  powerW?: number;
  heartbeatIntervalMs?: number;
  vendor?: string;
  model?: string;
  firmwareVersion?: string;
  /** Reconnect after a dropped connection (demo/CLI); tests usually want false. */
  reconnect?: boolean;
  /** Delay between the steps of firmware updates, diagnostics uploads and resets. */
  stepDelayMs?: number;
  /** Retry a Pending/Rejected boot after at most this long. */
  bootRetryMs?: number;
};

export type TSimTransaction = { transactionId: number; idTag: string; meterStartWh: number; startedAt: Date };

export type TSimConnector = {
  id: number;
  status: string;
  errorCode: string;
  plugged: boolean;
  operative: boolean;
  meter: TMeterState;
  transaction?: TSimTransaction;
  reservation?: { reservationId: number; idTag: string; parentIdTag?: string; expiryDate: string };
  meterTimer?: NodeJS.Timeout;
};

export class SimulatedCharger extends EventEmitter {
  readonly identity: string;
  readonly options: Required<Omit<TSimChargerOptions, "password">> & { password?: string };
  readonly connectors = new Map<number, TSimConnector>();
  readonly configuration: Map<string, TConfigKey>;
  readonly chargingProfiles: { connectorId: number; profile: any }[] = [];
  localList = { version: 0, entries: new Map<string, unknown>() };
  registrationStatus: "Accepted" | "Pending" | "Rejected" | undefined;
  chargerStatus = "Available";
  client: any;
  private heartbeatTimer?: NodeJS.Timeout;
  private bootTimer?: NodeJS.Timeout;
  private closed = false;
  private connectedOnce = false;
  private connecting = false;

  constructor(options: TSimChargerOptions) {
    super();
    this.identity = options.identity;
    this.options = {
      connectors: 1,
      meterIntervalMs: 10_000,
      powerW: 11_000,
      heartbeatIntervalMs: 60_000,
      vendor: "Chargeway",
      model: "SimCharger",
      firmwareVersion: "1.0.0",
      reconnect: false,
      stepDelayMs: 500,
      bootRetryMs: 10_000,
      ...options,
    };
    for (let id = 1; id <= this.options.connectors; id++) {
      this.connectors.set(id, { id, status: "Available", errorCode: "NoError", plugged: false, operative: true, meter: initialMeter(Math.random()) });
    }
    this.configuration = defaultConfiguration({
      connectors: this.options.connectors,
      heartbeatIntervalSec: Math.max(1, Math.round(this.options.heartbeatIntervalMs / 1000)),
      meterIntervalSec: Math.max(1, Math.round(this.options.meterIntervalMs / 1000)),
    });
    this.client = new RPCClient({
      endpoint: this.options.url,
      identity: this.identity,
      password: this.options.password ?? null,
      protocols: ["ocpp1.6"],
      strictMode: true,
      reconnect: this.options.reconnect,
      callTimeoutMs: 30_000,
    });
    this.client.on("open", () => {
      // After a dropped connection a real charger boots again (reconnect mode only).
      if (this.connectedOnce && !this.connecting && !this.closed) void this.boot().catch((err) => this.reportError(err));
      this.connectedOnce = true;
    });
    this.client.on("close", (e: unknown) => this.emit("close", e));
    attachSimCommandHandlers(this);
  }

  /** Background failures (a timer's message, a command's side effect) go to 'error' listeners, if any; after close() they are expected and dropped. */
  reportError(err: unknown): void {
    if (this.closed || this.listenerCount("error") === 0) return;
    this.emit("error", err);
  }

  /** Connects, boots and (when accepted) reports every connector's status. */
  async connect(): Promise<string> {
    this.closed = false;
    this.connecting = true;
    try {
      await this.client.connect();
    } finally {
      this.connecting = false;
    }
    return this.boot();
  }

  async boot(): Promise<string> {
    const res = await this.call("BootNotification", {
      chargePointVendor: this.options.vendor,
      chargePointModel: this.options.model,
      firmwareVersion: this.options.firmwareVersion,
      chargePointSerialNumber: `SN-${this.identity}`,
      meterType: "SimMeter 3P",
      meterSerialNumber: `M-${this.identity}`,
    });
    this.registrationStatus = res.status;
    clearTimeout(this.bootTimer);
    if (res.status === "Accepted") {
      this.setHeartbeatInterval(res.interval > 0 ? res.interval * 1000 : this.options.heartbeatIntervalMs);
      await this.reportAllStatuses();
    } else if (!this.closed) {
      const retry = Math.min(Math.max(res.interval, 1) * 1000, this.options.bootRetryMs);
      this.bootTimer = setTimeout(() => void this.boot().catch(() => {}), retry);
      this.bootTimer.unref();
    }
    this.emit("booted", res.status);
    return res.status;
  }

  setHeartbeatInterval(ms: number): void {
    clearInterval(this.heartbeatTimer);
    this.configuration.set("HeartbeatInterval", { value: String(Math.round(ms / 1000)), readonly: false });
    this.heartbeatTimer = setInterval(() => void this.heartbeat().catch(() => {}), Math.max(ms, 1000));
    this.heartbeatTimer.unref();
  }

  heartbeat(): Promise<{ currentTime: string }> {
    return this.call("Heartbeat", {});
  }

  async reportAllStatuses(): Promise<void> {
    await this.sendStatus(0);
    for (const c of this.connectors.values()) await this.sendStatus(c.id);
  }

  connector(connectorId: number): TSimConnector {
    const c = this.connectors.get(connectorId);
    if (!c) throw new Error(`${this.identity} has no connector ${connectorId}`);
    return c;
  }

  async setStatus(connectorId: number, status: string, errorCode = "NoError"): Promise<void> {
    if (connectorId === 0) this.chargerStatus = status;
    else Object.assign(this.connector(connectorId), { status, errorCode });
    await this.sendStatus(connectorId);
  }

  sendStatus(connectorId: number): Promise<unknown> {
    const c = connectorId === 0 ? { status: this.chargerStatus, errorCode: "NoError" } : this.connector(connectorId);
    return this.call("StatusNotification", { connectorId, status: c.status, errorCode: c.errorCode, timestamp: new Date().toISOString() });
  }

  async authorize(idTag: string): Promise<{ status: string; expiryDate?: string; parentIdTag?: string }> {
    return (await this.call("Authorize", { idTag })).idTagInfo;
  }

  /**
   * OCPP 1.6 reservations: the reserved idTag itself, or any card whose
   * Authorize answer is Accepted with the reservation's parentIdTag.
   */
  async mayUseReservation(c: TSimConnector, idTag: string): Promise<boolean> {
    const r = c.reservation;
    if (!r) return true;
    if (r.idTag.toLowerCase() === idTag.toLowerCase()) return true;
    if (!r.parentIdTag) return false;
    const info = await this.authorize(idTag);
    return info.status === "Accepted" && !!info.parentIdTag && info.parentIdTag.toLowerCase() === r.parentIdTag.toLowerCase();
  }

  /**
   * A driver holds an RFID card to the reader of a connector: Authorize, and
   * start charging when the card is accepted (and allowed on a reservation).
   */
  async presentCard(connectorId: number, idTag: string): Promise<{ started: boolean; reason?: string; transactionId?: number }> {
    const c = this.connector(connectorId);
    if (c.transaction) return { started: false, reason: "Occupied" };
    if (c.reservation) {
      if (!(await this.mayUseReservation(c, idTag))) return { started: false, reason: "Reserved" };
    } else {
      const info = await this.authorize(idTag);
      if (info.status !== "Accepted") return { started: false, reason: info.status };
    }
    const res = await this.startTransaction(connectorId, idTag);
    return res.idTagInfo.status === "Accepted" ? { started: true, transactionId: res.transactionId } : { started: false, reason: res.idTagInfo.status, transactionId: res.transactionId };
  }

  async plugIn(connectorId = 1): Promise<void> {
    const c = this.connector(connectorId);
    c.plugged = true;
    if (!c.transaction && c.status === "Available") await this.setStatus(connectorId, "Preparing");
  }

  async unplug(connectorId = 1): Promise<void> {
    const c = this.connector(connectorId);
    c.plugged = false;
    if (c.transaction) await this.stopTransaction("EVDisconnected", connectorId);
    if (c.operative) await this.setStatus(connectorId, "Available");
  }

  /** Starts charging on the connector. The central system always returns a transactionId; we stop at once if the card was refused, as a real charger does. */
  async startTransaction(connectorId: number, idTag: string): Promise<{ transactionId: number; idTagInfo: { status: string } }> {
    const c = this.connector(connectorId);
    if (c.transaction) throw new Error(`${this.identity} connector ${connectorId} is already charging`);
    if (!c.plugged) await this.plugIn(connectorId);
    c.meter = advance(c.meter, 0, false);
    const timestamp = new Date();
    const res = await this.call("StartTransaction", {
      connectorId,
      idTag,
      meterStart: c.meter.registerWh,
      timestamp: timestamp.toISOString(),
      ...(c.reservation && { reservationId: c.reservation.reservationId }),
    });
    c.reservation = undefined;
    c.transaction = { transactionId: res.transactionId, idTag, meterStartWh: c.meter.registerWh, startedAt: timestamp };
    if (res.idTagInfo.status !== "Accepted") {
      await this.stopTransaction("DeAuthorized", connectorId);
      return res;
    }
    await this.setStatus(connectorId, "Charging");
    this.startMeterTimer(c);
    this.emit("transactionStarted", { connectorId, transactionId: res.transactionId });
    return res;
  }

  /** Stops the transaction on the given connector, or the first one charging. */
  async stopTransaction(reason = "Local", connectorId?: number): Promise<{ transactionId: number; meterStopWh: number } | null> {
    const c = connectorId !== undefined ? this.connector(connectorId) : [...this.connectors.values()].find((x) => x.transaction);
    if (!c?.transaction) return null;
    const tx = c.transaction;
    c.transaction = undefined;
    clearInterval(c.meterTimer);
    c.meter = advance(c.meter, this.options.powerW, true);
    const now = new Date();
    await this.call("StopTransaction", {
      transactionId: tx.transactionId,
      idTag: tx.idTag,
      meterStop: c.meter.registerWh,
      timestamp: now.toISOString(),
      reason,
      transactionData: [
        { timestamp: tx.startedAt.toISOString(), sampledValue: [{ value: String(tx.meterStartWh), context: "Transaction.Begin", measurand: "Energy.Active.Import.Register", unit: "Wh" }] },
        { timestamp: now.toISOString(), sampledValue: [{ value: String(c.meter.registerWh), context: "Transaction.End", measurand: "Energy.Active.Import.Register", unit: "Wh" }] },
      ],
    });
    c.meter.powerW = 0;
    if (c.operative) await this.setStatus(c.id, c.plugged ? "Finishing" : "Available");
    this.emit("transactionStopped", { connectorId: c.id, transactionId: tx.transactionId, reason });
    return { transactionId: tx.transactionId, meterStopWh: c.meter.registerWh };
  }

  /** Sends one MeterValues message for the connector now (also what the periodic timer does). */
  async sendMeterValues(connectorId = 1, context = "Sample.Periodic"): Promise<void> {
    const c = this.connector(connectorId);
    c.meter = advance(c.meter, this.options.powerW, !!c.transaction);
    await this.call("MeterValues", {
      connectorId,
      ...(c.transaction && { transactionId: c.transaction.transactionId }),
      meterValue: [{ timestamp: new Date().toISOString(), sampledValue: sampledValues(c.meter, context) }],
    });
  }

  private startMeterTimer(c: TSimConnector) {
    clearInterval(c.meterTimer);
    c.meterTimer = setInterval(() => void this.sendMeterValues(c.id).catch(() => {}), this.options.meterIntervalMs);
    c.meterTimer.unref();
  }

  call(action: string, payload: object): Promise<any> {
    return this.client.call(action, payload);
  }

  /** Simulates a reboot: stops charging, drops the socket, connects and boots again. */
  async reboot(type: "Soft" | "Hard"): Promise<void> {
    for (const c of this.connectors.values()) if (c.transaction) await this.stopTransaction(type === "Hard" ? "HardReset" : "SoftReset", c.id).catch(() => {});
    this.stopTimers();
    await this.client.close({ code: 1012, reason: "Rebooting" });
    await new Promise((r) => setTimeout(r, this.options.stepDelayMs));
    if (this.closed) return;
    await this.connect();
    this.emit("rebooted", type);
  }

  private stopTimers() {
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.bootTimer);
    for (const c of this.connectors.values()) clearInterval(c.meterTimer);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopTimers();
    await this.client.close({ code: 1000, reason: "Simulator closing" }).catch(() => {});
  }
}
