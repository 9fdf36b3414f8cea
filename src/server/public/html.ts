/**
 * HTML escaping for the pages the server writes itself (the public notice and
 * the verification page): one rule for every text put into an element or a
 * quoted attribute, so a resident's comment or a crafted code stays text.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string | number | null | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
