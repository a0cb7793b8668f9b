// Driver-started charging: start, live state, stop, final cost and capture.
export { startCharging, failAttempt, ZStartCharging, type TStartCharging } from "./start-charging.ts";
export { adoptStartedSession, resolveAttempt, START_TIMEOUT_MS } from "./adopt-started-session.ts";
export { liveSession, type TLiveSession } from "./live-state.ts";
export { stopCharging } from "./stop-charging.ts";
export { finaliseSession, priceStoppedSession, type TFinalCost } from "./finalise-session.ts";
export { enforceEnergyCap, enforceEnergyCaps } from "./energy-cap.ts";
export { runSessionSweep } from "./sweep.ts";
export { connectorPricing, sessionTariff, hasIdleFee } from "./pricing.ts";
export { appIdTagFor } from "./app-token.ts";
export { followChargerEvents, chargerEventHandler } from "./react-to-charger.ts";
export { askForFirstReading } from "./first-reading.ts";
export { MAX_TARGET_VALUE, parseTargetValue } from "./target-bounds.ts";
