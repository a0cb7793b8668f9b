// The key that signs session cookies. `npm start` generates one into .data/
// when NEXTAUTH_SECRET is unset; a missing secret in production is an error.
export function authSecret(): string | undefined {
  const s = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!s && process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("NEXTAUTH_SECRET is not set (npm start sets it; see README, Configuration)");
  }
  return s;
}
