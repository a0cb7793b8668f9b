// Sign-up: a new driver with settings, an empty wallet, a referral code, and
// the referral that brought them (seed 003), in one transaction.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { hashPassword } from "../auth/password.ts";
import { AppError, isUniqueViolation } from "../errors/app-error.ts";

export const ZSignUp = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(254),
  password: z.string().min(8, "The password needs at least 8 characters.").max(200),
  name: z.string().trim().min(2, "Enter your name.").max(120),
  phone: z
    .string()
    .trim()
    .max(32)
    .regex(/^$|^\+?[0-9 ()-]{6,}$/, "Enter a phone number like +49 30 1234567.")
    .optional()
    .transform((v) => v || undefined),
  referralCode: z.string().trim().max(32).optional().transform((v) => v || undefined),
  language: z.enum(["en", "ru"]).optional(),
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const newReferralCode = () => randomBytes(5).toString("hex").toUpperCase();

export async function createDriver(db: Db, input: TSignUp) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const referrer = input.referralCode
        ? await tx.user.findUnique({ where: { referralCode: input.referralCode.toUpperCase() }, select: { id: true } })
        : null;
      if (input.referralCode && !referrer) {
        throw new AppError("INVALID_INPUT", "This referral code does not exist.", { referralCode: ["Unknown referral code."] });
      }
      const user = await tx.user.create({
        data: {
          email: input.email,
          passwordHash,
          name: input.name,
          phone: input.phone,
          role: "DRIVER",
          referralCode: newReferralCode(),
          referredById: referrer?.id,
          settings: { create: { preferredLanguage: input.language ?? "en" } },
          wallet: { create: { currency: "EUR" } },
          points: { create: {} },
        },
        select: { id: true, email: true },
      });
      if (referrer) await tx.referral.create({ data: { referrerId: referrer.id, referredUserId: user.id } });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err, "email")) {
      throw new AppError("CONFLICT", "An account with this e-mail already exists. Sign in instead.", {
        email: ["Already registered."],
      });
    }
    throw err;
  }
}
