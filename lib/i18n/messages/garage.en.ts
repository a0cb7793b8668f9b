// English strings of the garage pages. garage.ru.ts must have the same keys.
export const garageEn = {
} as const;
