// Plausible readings for a car charging on a 3-phase AC (or DC) charger:
// power tapers as the battery fills, the register only ever counts up.
export type TMeterState = { registerWh: number; socPercent: number; powerW: number; lastAt: number };

export function initialMeter(seed: number, now = Date.now()): TMeterState {
  return { registerWh: 100_000 + Math.floor(seed * 900_000), socPercent: 20 + Math.floor(seed * 40), powerW: 0, lastAt: now };
}

export function advance(m: TMeterState, maxPowerW: number, charging: boolean, now = Date.now(), batteryWh = 60_000): TMeterState {
  const dtH = Math.max(0, now - m.lastAt) / 3_600_000;
  const taper = m.socPercent < 80 ? 1 : Math.max(0.1, (100 - m.socPercent) / 20);
  const powerW = charging && m.socPercent < 100 ? Math.round(maxPowerW * taper * (0.97 + Math.random() * 0.03)) : 0;
  const addWh = powerW * dtH;
  return {
    registerWh: m.registerWh + Math.round(addWh),
    socPercent: Math.min(100, m.socPercent + (addWh / batteryWh) * 100),
    powerW,
    lastAt: now,
  };
}

/** OCPP 1.6 sampledValue entries for one moment. */
export function sampledValues(m: TMeterState, context = "Sample.Periodic") {
  const voltage = () => (228 + Math.random() * 4).toFixed(1);
  const currentA = m.powerW / (3 * 230);
  const phases = ["L1", "L2", "L3"];
  return [
    { value: String(m.registerWh), context, format: "Raw", measurand: "Energy.Active.Import.Register", location: "Outlet", unit: "Wh" },
    { value: String(m.powerW), context, format: "Raw", measurand: "Power.Active.Import", location: "Outlet", unit: "W" },
    ...phases.map((phase) => ({ value: currentA.toFixed(2), context, format: "Raw", measurand: "Current.Import", phase, location: "Outlet", unit: "A" })),
    ...phases.map((phase) => ({ value: voltage(), context, format: "Raw", measurand: "Voltage", phase: `${phase}-N`, location: "Outlet", unit: "V" })),
    { value: String(Math.floor(m.socPercent)), context, format: "Raw", measurand: "SoC", location: "EV", unit: "Percent" },
  ];
}
