// The demo accounts `npm start` creates and prints, one per role.
import type { UserRole } from "../db/generated/enums.ts";

export const DEMO_PASSWORD = "chargeway-demo";
export const DEMO_CHARGER_PASSWORD = "demo-charger-pass";

export const DEMO_ACCOUNTS: { role: UserRole; email: string; name: string }[] = [
  { role: "DRIVER", email: "driver@chargeway.test", name: "Dana Driver" },
  { role: "OWNER", email: "owner@chargeway.test", name: "Oskar Owner" },
  { role: "GARAGE_ADMIN", email: "garage@chargeway.test", name: "Greta Garage" },
  { role: "MOBILE_PROVIDER", email: "provider@chargeway.test", name: "Milo Mobile" },
  { role: "ADMIN", email: "admin@chargeway.test", name: "Ada Admin" },
];

export const DEMO_GARAGE_CHARGERS = ["DEMO-GARAGE-01", "DEMO-GARAGE-02", "DEMO-GARAGE-03", "DEMO-GARAGE-04"];
export const DEMO_CITY_CHARGERS = ["DEMO-CITY-01"];
