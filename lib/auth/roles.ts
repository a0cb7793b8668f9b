// Who may do what, as data. The session carries only the user id; the role
// is read from the database on every request (lib/auth/current-user.ts).
import type { UserRole } from "../db/generated/enums.ts";

export const ROLE_HOME: Record<UserRole, string> = {
  DRIVER: "/account",
  OWNER: "/owner",
  GARAGE_ADMIN: "/garage",
  MOBILE_PROVIDER: "/provider",
  ADMIN: "/admin",
};

export const PERMISSIONS = {
  "driver:self": ["DRIVER", "ADMIN"],
  "garage:manage": ["GARAGE_ADMIN", "ADMIN"],
  "owner:manage": ["OWNER", "ADMIN"],
  "provider:manage": ["MOBILE_PROVIDER", "ADMIN"],
  "platform:admin": ["ADMIN"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: UserRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}
