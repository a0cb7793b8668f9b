// Every driver page under /account, /bookings, /sessions and /mobile gets the account strip.
import { AccountNav } from "@/components/driver/account-nav.tsx";
import { accountNavLabels } from "@/components/driver/account-nav-labels.ts";
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export default async function DriverLayout({ children }: { children: React.ReactNode }) {
  const [user, { t }] = await Promise.all([getCurrentUser(), getI18n()]);
  const driver = user && can(user.role, "driver:self");
  return (
    <>
      {driver && <AccountNav labels={accountNavLabels(t)} />}
      {children}
    </>
  );
}
