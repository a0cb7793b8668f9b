import type { mapEn } from "./map.en.ts";

export const mapRu: Record<keyof typeof mapEn, string> = {
};
