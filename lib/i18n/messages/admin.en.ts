// English strings of the admin pages. admin.ru.ts must have the same keys.
export const adminEn = {
} as const;
