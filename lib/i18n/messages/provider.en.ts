// English strings of the provider pages. provider.ru.ts must have the same keys.
export const providerEn = {
} as const;
