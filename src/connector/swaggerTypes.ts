/**
 * The Swagger 2.0 shapes the connector generator writes and the connector lint reads. Only
 * what a custom connector uses is typed; extensions ride along as `x-*` keys.
 */

export type SwaggerSchema = Record<string, unknown>;

export interface SwaggerParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'body';
  required: boolean;
  description?: string;
  'x-ms-summary'?: string;
  schema?: SwaggerSchema;
  [extension: string]: unknown;
}

export interface SwaggerResponse {
  description: string;
  schema?: SwaggerSchema;
}

export interface SwaggerOperation {
  operationId: string;
  summary: string;
  description: string;
  tags?: string[];
  consumes?: string[];
  produces?: string[];
  parameters: SwaggerParameter[];
  responses: Record<string, SwaggerResponse>;
  'x-ms-visibility'?: string;
  [extension: string]: unknown;
}

export type SwaggerPathItem = Record<string, SwaggerOperation>;

export interface SwaggerDocument {
  swagger: '2.0';
  info: {
    title: string;
    description: string;
    version: string;
    contact?: { name?: string; url?: string; email?: string };
    license?: { name: string; url?: string };
  };
  host: string;
  basePath: string;
  schemes: string[];
  consumes: string[];
  produces: string[];
  paths: Record<string, SwaggerPathItem>;
  definitions: Record<string, SwaggerSchema>;
  securityDefinitions: Record<string, Record<string, unknown>>;
  security: Array<Record<string, string[]>>;
  tags?: Array<{ name: string; description?: string }>;
  'x-ms-connector-metadata': Array<{ propertyName: string; propertyValue: string }>;
  [extension: string]: unknown;
}

export const SWAGGER_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
