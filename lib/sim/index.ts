export { SimulatedCharger, type TSimChargerOptions, type TSimConnector, type TSimTransaction } from "./simulated-charger.ts";
export { runDemoChargers, DEMO_IDENTITIES, DEMO_PASSWORD, type TDemoOptions, type TDemoHandle } from "./demo.ts";
