import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/layout/site-header.tsx";
import { HydrationMarker } from "@/components/layout/hydration-marker.tsx";
import { getLocale } from "@/lib/i18n/server.ts";

export const metadata: Metadata = {
  title: { default: "Chargeway", template: "%s · Chargeway" },
  description: "Find EV charging stations, book, charge and pay.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#059669" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen flex flex-col">
        <HydrationMarker />
        <SiteHeader />
        <main id="main" className="flex-1 w-full max-w-6xl mx-auto px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
