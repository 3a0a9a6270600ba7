/**
 * Meta's customer-service window: free-form messages may be sent for 24 hours after the
 * customer's last message; after that only approved templates. Pure, so the composer and
 * the server decide alike.
 */
export const CLOUD_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ServiceWindow = { open: boolean; closesAt: number | null };

export function serviceWindow(lastInboundAt: number | null, now: number): ServiceWindow {
  if (lastInboundAt === null) return { open: false, closesAt: null };
  const closesAt = lastInboundAt + CLOUD_SERVICE_WINDOW_MS;
  return { open: now < closesAt, closesAt };
}
