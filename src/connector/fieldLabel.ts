/**
 * The `x-ms-summary` label of a field, derived from its camelCase name: title case, with the
 * acronyms the designer should show in capitals ("incidentArmId" reads "Incident ARM ID").
 */

const ACRONYMS: Readonly<Record<string, string>> = {
  arm: 'ARM',
  id: 'ID',
  ids: 'IDs',
  url: 'URL',
  html: 'HTML',
  utc: 'UTC',
  api: 'API',
  ip: 'IP',
  ms: '(ms)',
};

export function fieldLabel(name: string): string {
  const words = name
    .replace(/^[$@]+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter((word) => word.length > 0);

  return words
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
