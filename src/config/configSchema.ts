/**
 * The JSON Schema of incident-bridge's configuration file. Defaults live here, so a parsed
 * config is complete; ajv fills them in while it checks the file.
 */
import { enrichmentConfigSchema } from './enrichmentConfigSchema.ts';
import { API_ROLES } from '../auth/apiRoles.ts';

const GUID_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

const fieldPolicy = {
  type: 'string',
  enum: ['newest', 'defender', 'sentinel', 'defenderToSentinel', 'sentinelToDefender', 'off'],
  description:
    'newest: the later change wins; defender / sentinel: that side wins a conflict; ' +
    'defenderToSentinel / sentinelToDefender: one way only; off: not synced.',
} as const;

const credentialReference = {
  type: 'string',
  minLength: 1,
  description: 'Name of an entry in `credentials`.',
} as const;

const credential = {
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: {
      type: 'string',
      enum: ['defaultChain', 'clientSecret', 'clientCertificate', 'managedIdentity'],
    },
    tenantId: { type: 'string', minLength: 1 },
    clientId: { type: 'string', minLength: 1 },
    clientSecret: { type: 'string', minLength: 1, description: 'Prefer clientSecretEnv.' },
    clientSecretEnv: { type: 'string', minLength: 1 },
    certificatePath: { type: 'string', minLength: 1 },
    authorityHost: { type: 'string', format: 'uri' },
  },
} as const;

const pair = {
  type: 'object',
  required: ['name', 'defender', 'sentinel'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' },
    mode: { type: 'string', enum: ['full', 'complement'], default: 'full' },
    defender: {
      type: 'object',
      required: ['tenantId', 'credential'],
      additionalProperties: false,
      properties: {
        tenantId: { type: 'string', minLength: 1 },
        credential: credentialReference,
      },
    },
    sentinel: {
      type: 'object',
      required: ['subscriptionId', 'resourceGroupName', 'workspaceName', 'tenantId', 'credential'],
      additionalProperties: false,
      properties: {
        subscriptionId: { type: 'string', minLength: 1 },
        resourceGroupName: { type: 'string', minLength: 1 },
        workspaceName: { type: 'string', minLength: 1 },
        tenantId: { type: 'string', minLength: 1 },
        credential: credentialReference,
      },
    },
    policy: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        status: { ...fieldPolicy, default: 'newest' },
        classification: { ...fieldPolicy, default: 'newest' },
        owner: { ...fieldPolicy, default: 'newest' },
        tags: { ...fieldPolicy, default: 'newest' },
        comments: { ...fieldPolicy, default: 'newest' },
        severity: { ...fieldPolicy, default: 'defenderToSentinel' },
        title: { ...fieldPolicy, default: 'defenderToSentinel' },
        description: { ...fieldPolicy, default: 'defenderToSentinel' },
        reopenFromDefender: { type: 'boolean', default: true },
        reopenFromSentinel: { type: 'boolean', default: true },
        tieBreaker: { type: 'string', enum: ['defender', 'sentinel'], default: 'defender' },
        clockSkewToleranceMs: { type: 'integer', minimum: 0, maximum: 900000, default: 120000 },
        falsePositiveReason: {
          type: 'string',
          enum: ['byDetermination', 'inaccurateData'],
          default: 'byDetermination',
        },
        copySystemTags: { type: 'boolean', default: true },
      },
    },
    intervals: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        pollIntervalMs: { type: 'integer', minimum: 1000, default: 60000 },
        pollOverlapMs: { type: 'integer', minimum: 0, default: 600000 },
        reconcileIntervalMs: { type: 'integer', minimum: 10000, default: 3600000 },
      },
    },
  },
} as const;

const issuerTemplate = {
  type: 'string',
  minLength: 1,
  pattern: '\\{tenantId\\}',
  description: 'An issuer with {tenantId} where the tenant id goes.',
} as const;

const apiKey = {
  type: 'object',
  required: ['id', 'sha256', 'roles'],
  additionalProperties: false,
  properties: {
    id: {
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
      description: 'Names the key in logs; never the key itself.',
    },
    sha256: {
      type: 'string',
      pattern: '^[0-9a-f]{64}$',
      description: 'SHA-256 of the key, lower-case hex (`incident-bridge api-key` prints it).',
    },
    roles: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: [...API_ROLES] },
    },
  },
} as const;

/** Who may call the API: Entra ID tokens of allowed tenants, and API keys. */
const auth = {
  type: 'object',
  default: {},
  additionalProperties: false,
  properties: {
    tenants: {
      type: 'array',
      default: [],
      uniqueItems: true,
      items: { type: 'string', pattern: GUID_PATTERN },
      description: 'Entra tenants whose tokens are accepted; none turns tokens off.',
    },
    audiences: {
      type: 'array',
      default: [],
      uniqueItems: true,
      items: { type: 'string', minLength: 1 },
      description: "The API's App ID URI (v1 tokens) and client id (v2 tokens).",
    },
    issuers: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        v1: { ...issuerTemplate, default: 'https://sts.windows.net/{tenantId}/' },
        v2: { ...issuerTemplate, description: 'Default: {azure.authorityHost}/{tenantId}/v2.0.' },
      },
    },
    openIdMetadataUrl: {
      type: 'string',
      minLength: 1,
      pattern: '\\{tenantId\\}',
      description:
        'Where the signing keys are found. Default: ' +
        '{azure.authorityHost}/{tenantId}/v2.0/.well-known/openid-configuration.',
    },
    clockSkewSeconds: { type: 'integer', minimum: 0, maximum: 300, default: 60 },
    apiKeys: { type: 'array', default: [], items: apiKey },
  },
} as const;

/** What one request may cost the service. */
const limits = {
  type: 'object',
  default: {},
  additionalProperties: false,
  properties: {
    bodyLimitBytes: {
      type: 'integer',
      minimum: 1024,
      maximum: 52428800,
      default: 5242880,
      description: 'Largest JSON body; a Defender incident with hundreds of alerts fits in 5 MiB.',
    },
    requestTimeoutMs: {
      type: 'integer',
      minimum: 1000,
      maximum: 600000,
      default: 60000,
      description: 'An answer not ready by then is a 504; Logic Apps gives up after 120 s.',
    },
    requestsPerMinute: {
      type: 'integer',
      minimum: 1,
      default: 600,
      description: 'Per caller (token object id or API key id).',
    },
    failedAuthPerMinute: {
      type: 'integer',
      minimum: 1,
      default: 30,
      description: 'Per client address; past it, further failed attempts get 429.',
    },
  },
} as const;

export const configSchema = {
  $id: 'https://incident-bridge.dev/schemas/config.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    store: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        sqlitePath: { type: 'string', minLength: 1, default: './data/incident-bridge.db' },
        databaseUrl: {
          type: 'string',
          pattern: '^postgres(ql)?://',
          description: 'PostgreSQL instead of the SQLite file; DATABASE_URL sets it too.',
        },
        schema: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,62}$' },
        poolSize: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
      },
    },
    azure: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        sentinelApiVersion: {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}(-preview)?$',
          default: '2025-09-01',
        },
        armEndpoint: { type: 'string', format: 'uri', default: 'https://management.azure.com' },
        graphEndpoint: { type: 'string', format: 'uri', default: 'https://graph.microsoft.com' },
        authorityHost: {
          type: 'string',
          format: 'uri',
          default: 'https://login.microsoftonline.com',
        },
        armScope: {
          type: 'string',
          minLength: 1,
          description: 'Token scope for ARM; defaults to the ARM endpoint origin + /.default.',
        },
        graphScope: {
          type: 'string',
          minLength: 1,
          description: 'Token scope for Graph; defaults to the Graph endpoint origin + /.default.',
        },
        trustedCaCertPath: {
          type: 'string',
          minLength: 1,
          description: 'Extra CA certificate (PEM) to trust, e.g. the sandbox emulator.',
        },
      },
    },
    credentials: {
      type: 'object',
      default: {},
      additionalProperties: credential,
    },
    budgets: {
      type: 'object',
      default: {},
      additionalProperties: false,
      description: 'Overrides of the call budgets; each defaults to just under the quota.',
      properties: Object.fromEntries(
        ['graph', 'defenderLegacy', 'sentinelRead', 'sentinelWrite', 'sentinelComment'].map(
          (kind) => [
            kind,
            {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                required: ['points', 'windowMs'],
                additionalProperties: false,
                properties: {
                  points: { type: 'integer', minimum: 1 },
                  windowMs: { type: 'integer', minimum: 100 },
                },
              },
            },
          ],
        ),
      ),
    },
    pairs: { type: 'array', default: [], items: pair },
    engine: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        workerConcurrency: { type: 'integer', minimum: 1, maximum: 64, default: 4 },
        jobLeaseMs: {
          type: 'integer',
          minimum: 1000,
          default: 30000,
          description: 'A running job is renewed every third of this; a dead worker loses it.',
        },
        pairLeaseMs: {
          type: 'integer',
          minimum: 1000,
          default: 30000,
          description: 'How long a replica keeps polling a pair without renewing its lease.',
        },
        replicaId: { type: 'string', minLength: 1, maxLength: 120 },
        replicas: {
          type: 'integer',
          minimum: 1,
          maximum: 64,
          default: 1,
          description: 'Replicas sharing the Microsoft quotas; each budgets an equal share.',
        },
        retryBaseDelayMs: { type: 'integer', minimum: 10, default: 2000 },
        retryMaxDelayMs: { type: 'integer', minimum: 100, default: 300000 },
        maxAttempts: { type: 'integer', minimum: 1, maximum: 50, default: 8 },
        requestTimeoutMs: { type: 'integer', minimum: 100, default: 30000 },
        syncWaitMs: { type: 'integer', minimum: 0, default: 60000 },
        background: { type: 'boolean', default: true },
      },
    },
    updates: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        closureAliases: {
          type: 'object',
          default: {},
          description: 'Foreign closure codes mapped to a Sentinel close pair label.',
          additionalProperties: {
            type: 'string',
            enum: [
              'Undetermined',
              'TruePositive - SuspiciousActivity',
              'BenignPositive - SuspiciousButExpected',
              'FalsePositive - IncorrectAlertLogic',
              'FalsePositive - InaccurateData',
            ],
          },
        },
      },
    },
    enrichment: enrichmentConfigSchema,
    auth,
    limits,
  },
} as const;
