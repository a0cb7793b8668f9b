// Charging rules shared by every OCPP version and every process.
export { authorizeToken, decideAuthorization, findToken, type TAuthorization, type TAuthorizationStatus } from "./authorize-token.ts";
export { computeAvailability, refreshAvailability } from "./availability.ts";
export { recordBoot } from "./boot.ts";
export { recordChargerEvent } from "./charger-events.ts";
export * from "./charger-registration.ts";
export { recordIncident } from "./incidents.ts";
export { hotQuery, useHotPool } from "./hot-sql.ts";
export { LastSeenWriter } from "./last-seen-writer.ts";
export { recordMeterValues } from "./record-meter-values.ts";
export { startTransaction } from "./start-transaction.ts";
export { stopTransaction } from "./stop-transaction.ts";
export { markConnected, markDisconnected, releaseInstance, StationConnectionWriter, TAKEOVER_CHANNEL } from "./station-connection.ts";
export { updateConnectorStatus } from "./update-connector-status.ts";
export type * from "./types.ts";
export { adoptCharger, setChargerPassword, ZAdoptCharger, type TAdoptCharger } from "./adopt-charger.ts";
export { drainPublishedEvents, publishAfterCommit } from "./event-publisher.ts";
