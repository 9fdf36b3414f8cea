/**
 * Signing out on a shared phone: the answers the service worker kept for
 * offline use (criteria sets, registrations) are deleted with the session,
 * so the next person cannot read them. Changes still waiting to be sent are
 * kept: they belong to the work, not to the session, and are sent at the
 * next sign-in.
 */
export const API_CACHE = 'kdc-api';

export async function forgetOfflineData(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(API_CACHE).catch(() => false);
}
