import type { driverEn } from "./driver.en.ts";

export const driverRu: Record<keyof typeof driverEn, string> = {
};
