// Processor refusals are English sentences (Stripe's wording); a driver
// reading Russian gets them in Russian in notifications. Unknown texts pass through.
const RU: Record<string, string> = {
  "Your card was declined.": "Карта отклонена.",
  "Your card has insufficient funds.": "На карте недостаточно средств.",
  "Your card has expired.": "Срок действия карты истёк.",
  "Your card's security code is incorrect.": "Неверный код безопасности карты.",
  "An error occurred while processing your card. Try again in a little bit.": "Ошибка при обработке карты. Попробуйте чуть позже.",
  "Your wallet is disabled. Please pay by card.": "Кошелёк отключён. Оплатите картой.",
  "Your wallet balance does not cover it.": "Баланса кошелька не хватает.",
  "The payment could not be processed.": "Платёж не удалось провести.",
};

export function failureText(reason: string, locale: "en" | "ru"): string {
  return locale === "ru" ? (RU[reason] ?? reason) : reason;
}
