import type { adminEn } from "./admin.en.ts";

export const adminRu: Record<keyof typeof adminEn, string> = {
};
