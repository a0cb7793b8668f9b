// English strings of the driver pages. driver.ru.ts must have the same keys.
export const driverEn = {
} as const;
