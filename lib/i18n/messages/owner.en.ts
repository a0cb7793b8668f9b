// English strings of the owner pages. owner.ru.ts must have the same keys.
export const ownerEn = {
} as const;
