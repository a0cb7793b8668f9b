import type { garageEn } from "./garage.en.ts";

export const garageRu: Record<keyof typeof garageEn, string> = {
};
