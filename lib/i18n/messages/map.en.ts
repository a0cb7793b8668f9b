// English strings of the map pages. map.ru.ts must have the same keys.
export const mapEn = {
} as const;
