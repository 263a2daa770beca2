/**
 * The `enrichment` section of the configuration: pipeline limits, the renderers' limits, and
 * one block per provider. Offline providers are on by default; Azure providers read the
 * pair's Sentinel workspace and Graph tenant, and run only when switched on here.
 */

const enabled = (value: boolean) => ({ type: 'boolean', default: value }) as const;

const maxLookups = {
  type: 'integer',
  minimum: 1,
  maximum: 1000,
  default: 25,
  description: 'Remote lookups per enrichment at most; the rest are reported as not looked up.',
} as const;

const watchlist = {
  type: 'object',
  required: ['alias'],
  additionalProperties: false,
  properties: {
    alias: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' },
    role: {
      type: 'string',
      enum: ['vip', 'allow', 'watch'],
      default: 'watch',
      description: 'vip: raises impact; allow: known-good, lowers the score; watch: a note.',
    },
    label: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9-]{0,39}$',
      description: 'Label suffix written on a match (enrich:<label>); defaults to the role.',
    },
    kinds: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: ['Account', 'Mailbox', 'Host', 'Ip'],
    },
    columns: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: [],
      description: 'Columns to match against; every column when empty.',
    },
  },
} as const;

export const enrichmentConfigSchema = {
  type: 'object',
  default: {},
  additionalProperties: false,
  properties: {
    timeoutMs: { type: 'integer', minimum: 50, maximum: 120000, default: 8000 },
    concurrency: { type: 'integer', minimum: 1, maximum: 32, default: 4 },
    cacheTtlMs: { type: 'integer', minimum: 0, maximum: 86400000, default: 900000 },
    cacheMaxEntries: { type: 'integer', minimum: 1, maximum: 1000000, default: 50000 },
    highScoreThreshold: { type: 'integer', minimum: 1, maximum: 100, default: 70 },
    comment: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        maxChars: { type: 'integer', minimum: 1000, maximum: 30000, default: 30000 },
        lengthUnit: { type: 'string', enum: ['utf16', 'utf8Bytes'], default: 'utf16' },
        maxParts: { type: 'integer', minimum: 1, maximum: 20, default: 5 },
        defenderMaxChars: { type: 'integer', minimum: 1000, maximum: 100000, default: 30000 },
      },
    },
    description: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        maxChars: { type: 'integer', minimum: 100, maximum: 5000, default: 5000 },
      },
    },
    offline: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        ipClassification: {
          type: 'object',
          default: {},
          additionalProperties: false,
          properties: { enabled: enabled(true) },
        },
        ipGeo: {
          type: 'object',
          default: {},
          additionalProperties: false,
          properties: {
            enabled: enabled(true),
            countryDbPath: {
              type: 'string',
              default: '',
              description: 'A country mmdb; empty uses the one shipped with incident-bridge.',
            },
            asnDbPath: {
              type: 'string',
              default: '',
              description: 'An ASN mmdb (GeoLite2-ASN layout); empty means no ASN lookups.',
            },
          },
        },
        domain: {
          type: 'object',
          default: {},
          additionalProperties: false,
          properties: { enabled: enabled(true) },
        },
        hashType: {
          type: 'object',
          default: {},
          additionalProperties: false,
          properties: { enabled: enabled(true) },
        },
        mitreAttack: {
          type: 'object',
          default: {},
          additionalProperties: false,
          properties: {
            enabled: enabled(true),
            bundlePath: {
              type: 'string',
              default: '',
              description: 'An ATT&CK STIX 2 bundle (enterprise-attack.json); empty skips it.',
            },
          },
        },
      },
    },
    azure: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        threatIntel: {
          type: 'object',
          default: {},
          additionalProperties: false,
          properties: {
            enabled: enabled(false),
            minConfidence: { type: 'integer', minimum: 0, maximum: 100, default: 0 },
            batchSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          },
        },
        watchlists: {
          type: 'object',
          default: {},
          additionalProperties: false,
          properties: {
            enabled: enabled(false),
            lists: { type: 'array', items: watchlist, default: [] },
          },
        },
        ipGeodata: {
          type: 'object',
          default: {},
          additionalProperties: false,
          properties: { enabled: enabled(false), maxLookups },
        },
        domainWhois: {
          type: 'object',
          default: {},
          additionalProperties: false,
          properties: { enabled: enabled(false), maxLookups },
        },
        graphUsers: {
          type: 'object',
          default: {},
          additionalProperties: false,
          properties: {
            enabled: enabled(false),
            includeRiskLevel: enabled(true),
            maxLookups: { ...maxLookups, default: 50 },
          },
        },
        enrichmentApiVersion: {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}(-preview)?$',
          default: '2023-04-01-preview',
          description: 'api-version of the geodata and whois lookups (preview only).',
        },
      },
    },
  },
} as const;
