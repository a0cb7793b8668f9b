import type { providerEn } from "./provider.en.ts";

export const providerRu: Record<keyof typeof providerEn, string> = {
};
