"use client";
// Re-renders the page when one of these mobile requests changes (status,
// position, ETA), so the server-rendered parts follow without a reload.
import { useRouter } from "next/navigation";
import { useLiveEvents } from "@/components/live/use-live-events.ts";

export function LiveRefresh(props: { requestIds: string[] }) {
  const router = useRouter();
  useLiveEvents({ mobile: props.requestIds }, (e) => { if (e.type === "mobile") router.refresh(); });
  return null;
}
