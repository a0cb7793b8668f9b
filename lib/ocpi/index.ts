// OCPI station import: read a Locations/Tariffs feed (file or API), normalise
// it, and keep the operator's stations, connectors and tariffs in step.
// Read lib/ocpi/README.md for the rules.
export { importLocations, type ImportLocationsInput, type FeedInput } from "./import-locations.ts";
export { syncOperator, ZOperatorConfig, type TOperatorConfig, type SyncOperatorOptions } from "./sync-operator.ts";
export { dueOperators } from "./due-operators.ts";
export { recordSync, redact, type SyncResult, type SyncMeta } from "./record-sync.ts";
export { applyLocations, type LocationCounts } from "./apply-locations.ts";
export { insertStationsWithConnectors, updateStationsAndConnectors } from "./bulk-write.ts";
export { applyTariffs, knownTariffs } from "./apply-tariffs.ts";
export { refreshStationTariffs } from "./refresh-station-tariffs.ts";
export { fetchAllPages, nextLink, type FetchLike } from "./fetch-pages.ts";
export { parseFeed, decodeFeedText, FeedError, type ParsedFeed } from "./parse-feed.ts";
export { normaliseLocation, type NormalisedLocation, type NormalisedConnector } from "./normalise-location.ts";
export { normaliseTariff, tariffText, wirePriceToMinor, type NormalisedTariff } from "./tariffs.ts";
export { connectorTypeOf, powerTypeOf, connectorStatusOf, connectorPower, chargingSpeedOf, availabilityOf } from "./connectors.ts";
export { normaliseTimeZone, isValidTimeZone } from "./time-zone.ts";
export { normaliseOpeningTimes, type WorkingHours } from "./opening-hours.ts";
export type { RecordOutcome, RecordAction } from "./outcome.ts";
