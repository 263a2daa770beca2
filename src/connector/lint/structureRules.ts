/**
 * Rules on the document's frame: a bare host, a base path, https, supported MIME types,
 * `consumes` where there is a body, no `$ref` in paths, `x-` extension names only, no paths
 * that differ only in a parameter name, and a file under 1 MB.
 */
import type { SwaggerDocument } from '../swaggerTypes.ts';
import type { ConnectorRule } from './connectorRule.ts';
import { finding, type LintFinding } from '../../lint/lintFinding.ts';
import { operationsOf } from './swaggerWalk.ts';

const SUPPORTED_MIME_TYPES = new Set([
  'application/json',
  'text/plain',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
]);
const MAX_FILE_BYTES = 1024 * 1024;
const PATH_ITEM_KEYS = new Set([
  'get',
  'put',
  'post',
  'delete',
  'patch',
  'options',
  'head',
  'parameters',
]);

export const structureRules: readonly ConnectorRule[] = [
  {
    id: 'HostNameNotValid',
    check: ({ host }) =>
      typeof host === 'string' && /^[A-Za-z0-9.-]+(:\d+)?$/.test(host)
        ? []
        : [
            finding(
              'HostNameNotValid',
              '#/host',
              'must be a bare host name, without scheme or path',
            ),
          ],
  },
  {
    id: 'BasePath',
    check: ({ basePath }) =>
      typeof basePath === 'string' && basePath.startsWith('/')
        ? []
        : [finding('BasePathNotValid', '#/basePath', "must start with '/'")],
  },
  {
    id: 'Schemes',
    check: ({ schemes }) => {
      if (!Array.isArray(schemes) || schemes.length === 0) {
        return [finding('SchemesMissing', '#/schemes', 'list https')];
      }
      return schemes
        .filter((scheme) => scheme !== 'https' && scheme !== 'http')
        .map((scheme) =>
          finding('SchemeNotValid', '#/schemes', `'${scheme}' is not http or https`),
        );
    },
  },
  {
    id: 'MimeTypes',
    check: (document) => mimeTypeFindings(document),
  },
  {
    id: 'ConsumesMissing',
    check: (document) =>
      operationsOf(document).flatMap(({ operation, at }) => {
        const hasBody = (operation.parameters ?? []).some((parameter) => parameter.in === 'body');
        const consumes = operation.consumes ?? document.consumes;
        return hasBody && (!consumes || consumes.length === 0)
          ? [finding('ConsumesMissing', at, "an action with a body needs 'consumes'")]
          : [];
      }),
  },
  {
    id: 'PathItems',
    check: (document) => {
      const found: LintFinding[] = [];
      const shapes = new Map<string, string>();
      for (const [path, item] of Object.entries(document.paths ?? {})) {
        const at = `#/paths/${path.replaceAll('/', '~1')}`;
        if (!path.startsWith('/'))
          found.push(finding('PathNotValid', at, "a path starts with '/'"));
        for (const key of Object.keys(item ?? {})) {
          if (key === '$ref')
            found.push(finding('PathRefNotAllowed', at, 'paths cannot be references'));
          else if (!PATH_ITEM_KEYS.has(key) && !key.startsWith('x-')) {
            found.push(
              finding(
                'ExtensionNameNotValid',
                `${at}/${key}`,
                `'${key}' is not a method or an x- extension`,
              ),
            );
          }
        }
        const shape = path.replace(/\{[^}]+\}/g, '{}').toLowerCase();
        const twin = shapes.get(shape);
        if (twin) found.push(finding('DuplicatePath', at, `duplicates ${twin}`));
        shapes.set(shape, path);
      }
      return found;
    },
  },
  {
    id: 'RootExtensionNames',
    check: (document) =>
      Object.keys(document)
        .filter((key) => !ROOT_KEYS.has(key) && !key.startsWith('x-'))
        .map((key) =>
          finding('ExtensionNameNotValid', `#/${key}`, `'${key}' is not a Swagger 2.0 field`),
        ),
  },
  {
    id: 'FileTooLarge',
    check: (document) => {
      const bytes = Buffer.byteLength(JSON.stringify(document));
      return bytes >= MAX_FILE_BYTES
        ? [finding('FileTooLarge', '#', `${bytes} bytes; the import takes less than 1 MB`)]
        : [];
    },
  },
];

const ROOT_KEYS = new Set([
  'swagger',
  'info',
  'host',
  'basePath',
  'schemes',
  'consumes',
  'produces',
  'paths',
  'definitions',
  'parameters',
  'responses',
  'securityDefinitions',
  'security',
  'tags',
  'externalDocs',
]);

function mimeTypeFindings(document: SwaggerDocument): LintFinding[] {
  const lists: Array<{ at: string; types: string[] | undefined }> = [
    { at: '#/consumes', types: document.consumes },
    { at: '#/produces', types: document.produces },
    ...operationsOf(document).flatMap(({ operation, at }) => [
      { at: `${at}/consumes`, types: operation.consumes },
      { at: `${at}/produces`, types: operation.produces },
    ]),
  ];
  return lists.flatMap(({ at, types }) =>
    (types ?? [])
      .filter((type) => !SUPPORTED_MIME_TYPES.has(type))
      .map((type) =>
        finding('UnsupportedMimeType', at, `'${type}' is not supported by connectors`),
      ),
  );
}
