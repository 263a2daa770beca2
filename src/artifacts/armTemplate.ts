/**
 * The ARM deployment template shapes the playbook and deploy generators write. Values stay
 * loose (`unknown`) where ARM accepts an expression string in place of any value.
 */

export const DEPLOYMENT_TEMPLATE_SCHEMA =
  'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

export interface ArmParameter {
  type: 'string' | 'securestring' | 'int' | 'bool' | 'object' | 'secureObject' | 'array';
  defaultValue?: unknown;
  allowedValues?: unknown[];
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  metadata: { description: string };
}

export interface ArmResource {
  type: string;
  apiVersion: string;
  name: string;
  location?: string;
  kind?: string;
  scope?: string;
  identity?: Record<string, unknown>;
  tags?: Record<string, string>;
  dependsOn?: string[];
  properties: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ArmTemplate {
  $schema: string;
  contentVersion: string;
  metadata?: Record<string, unknown>;
  parameters: Record<string, ArmParameter>;
  variables?: Record<string, unknown>;
  resources: ArmResource[];
  outputs?: Record<string, { type: string; value: unknown }>;
}

/** ARM reads a string starting with `[` as an expression; a literal one is written `[[`. */
export function escapeArmLiterals(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('[') ? `[${value}` : value;
  if (Array.isArray(value)) return value.map(escapeArmLiterals);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, escapeArmLiterals(inner)]),
  );
}
