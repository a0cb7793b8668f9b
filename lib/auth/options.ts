import "server-only";
// next-auth: e-mail and password, JWT sessions holding only the user id and
// the session version. Everything else is read from the database per request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client.ts";
import { clientIp } from "../http/client-ip.ts";
import { authSecret } from "./secret.ts";
import { verifyCredentials } from "./verify-credentials.ts";

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "E-mail",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const ip = clientIp((name) => {
          const h = req?.headers?.[name];
          return Array.isArray(h) ? h[0] : (h ?? null);
        });
        const result = await verifyCredentials(db(), credentials, ip);
        if (!result.ok) {
          // next-auth hands this string to the sign-in form as `error`.
          throw new Error(result.code === "throttled" ? `throttled:${result.retryAfterSeconds}` : result.code);
        }
        return { id: result.user.id, sv: result.user.sessionVersion } as { id: string };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as unknown as { sv: number }).sv;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string | undefined, sv: token.sv as number | undefined };
    },
  },
};
