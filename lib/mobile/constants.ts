// Choice lists shared by the forms (browser) and the schemas (server); no
// server imports here, so client components may use them.
export const PLUG_TYPES = ["TYPE1", "TYPE2", "CCS", "CHADEMO", "GBT", "TESLA", "SCHUKO", "OTHER"] as const;
export const CHARGING_TYPES = ["SLOW", "FAST", "SUPERFAST"] as const;
export const CURRENCIES = ["EUR", "GBP", "CHF", "PLN", "SEK", "USD"] as const;
export const WEEK_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const URGENCIES = ["LOW", "MEDIUM", "HIGH", "EMERGENCY"] as const;
export const DOCUMENT_KINDS = ["BUSINESS_LICENSE", "INSURANCE", "OTHER"] as const;
