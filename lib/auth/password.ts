import bcrypt from "bcryptjs";

// Cost 10 keeps a sign-in near 100 ms in pure JS while staying expensive to brute-force.
const COST = Number(process.env.BCRYPT_COST ?? 10);

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
