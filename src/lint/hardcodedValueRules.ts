/**
 * No template or workflow may carry a subscription, tenant or object id, a location, or a
 * secret: ids come from ARM functions or parameters, secrets from secure parameters without
 * defaults. Built-in role definition ids and well-known first-party app ids are the same in
 * every tenant and are allowed, and so are the illustrative values of a schema's `example`.
 */
import { finding, type LintFinding } from './lintFinding.ts';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The same in every tenant: built-in Azure roles and Microsoft first-party apps. */
export const WELL_KNOWN_IDS: Readonly<Record<string, string>> = {
  '3e150937-b8fe-4cfb-8069-0eccf23a5dc1': 'Microsoft Sentinel Responder role',
  'f4c81013-99ee-4d62-a7ee-b3f1f648599a': 'Microsoft Sentinel Automation Contributor role',
  '8d289c81-5878-46d4-8554-54e1e3d8b5cb': 'Microsoft Sentinel Reader role',
  '00000003-0000-0000-c000-000000000000': 'Microsoft Graph app',
};

const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/[?&]sig=[A-Za-z0-9%]+/, 'a signed URL (sig=)'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\b(AccountKey|SharedAccessKey)=/, 'a storage or service bus key'],
  [/\bBearer [A-Za-z0-9._-]{20,}/, 'a bearer token'],
];

export function hardcodedValueFindings(document: unknown): LintFinding[] {
  const found: LintFinding[] = [];
  visit(document, '#', (text, at) => {
    for (const match of text.match(GUID) ?? []) {
      if (!WELL_KNOWN_IDS[match.toLowerCase()]) {
        found.push(
          finding(
            'HardcodedIdentifier',
            at,
            `'${match}' looks like a subscription, tenant or object id; use a parameter or an ARM function`,
          ),
        );
      }
    }
    for (const [pattern, what] of SECRET_PATTERNS) {
      if (pattern.test(text)) found.push(finding('HardcodedSecret', at, `holds ${what}`));
    }
  });

  const parameters = ((document as Record<string, unknown> | null)?.['parameters'] ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  for (const [name, parameter] of Object.entries(parameters)) {
    const secure = parameter['type'] === 'securestring' || parameter['type'] === 'secureObject';
    const fallback = parameter['defaultValue'];
    if (secure && fallback !== undefined && fallback !== '' && !isEmptyObject(fallback)) {
      found.push(
        finding(
          'SecretDefault',
          `#/parameters/${name}/defaultValue`,
          'a secure parameter must not have a default value',
        ),
      );
    }
    if (!secure && /(secret|password|apikey|api_key)$/i.test(name)) {
      found.push(
        finding('SecretNotSecure', `#/parameters/${name}/type`, `'${name}' must be a securestring`),
      );
    }
  }
  return found;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

const EXAMPLE_KEYS = new Set(['example', 'x-ms-test-value']);

function visit(value: unknown, at: string, onString: (text: string, at: string) => void): void {
  if (typeof value === 'string') return onString(value, at);
  if (Array.isArray(value)) {
    return value.forEach((item, index) => visit(item, `${at}/${index}`, onString));
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    if (EXAMPLE_KEYS.has(key)) continue;
    visit(inner, `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, onString);
  }
}
