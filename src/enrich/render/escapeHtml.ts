/**
 * Escapes text for HTML element content and quoted attribute values. Every value that comes
 * from an incident (entity names, alert titles, TI labels) passes through it: incident data is
 * attacker-controlled, and Sentinel renders comments as HTML.
 */
const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => REPLACEMENTS[character] ?? character);
}
