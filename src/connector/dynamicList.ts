/**
 * `x-ms-dynamic-list`, the unambiguous twin of `x-ms-dynamic-values`. The validator asks for
 * both where a dropdown sits inside a body, so it is derived from the contract's
 * `x-ms-dynamic-values` rather than written twice.
 */
import type { SwaggerSchema } from './swaggerTypes.ts';

interface DynamicValues {
  operationId?: string;
  parameters?: Record<string, unknown>;
  'value-collection'?: string;
  'value-path'?: string;
  'value-title'?: string;
}

export function withDynamicList<T extends SwaggerSchema>(target: T): T {
  const values = target['x-ms-dynamic-values'] as DynamicValues | undefined;
  if (!values?.operationId || target['x-ms-dynamic-list'] !== undefined) return target;

  const list: Record<string, unknown> = { operationId: values.operationId };
  if (values['value-collection']) list['itemsPath'] = values['value-collection'];
  if (values['value-path']) list['itemValuePath'] = values['value-path'];
  if (values['value-title']) list['itemTitlePath'] = values['value-title'];
  if (values.parameters) list['parameters'] = referencesOf(values.parameters);
  return { ...target, 'x-ms-dynamic-list': list };
}

/** `{ "parameter": "x" }` becomes `{ "parameterReference": "x" }`; static values stay. */
function referencesOf(parameters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(parameters).map(([name, value]) => {
      const reference = (value as { parameter?: unknown } | null)?.parameter;
      return [name, typeof reference === 'string' ? { parameterReference: reference } : value];
    }),
  );
}
