/**
 * Rules on the connector as a whole: `swagger: "2.0"`, the `info` limits (title at most 30
 * characters without restricted words, description 30 to 500 characters, a contact) and the
 * `x-ms-connector-metadata` entries with at most two allowed categories.
 */
import type { ConnectorRule } from './connectorRule.ts';
import { finding, type LintFinding } from '../../lint/lintFinding.ts';

const RESTRICTED_TITLE_WORDS = ['api', 'connector', 'power automate', 'power apps', 'logic apps'];
const PRODUCT_NAMES = ['power automate', 'power apps', 'logic apps', 'power platform'];
const REQUIRED_METADATA = ['Website', 'Privacy policy', 'Categories'];
const CATEGORIES = new Set([
  'AI',
  'Business Management',
  'Business Intelligence',
  'Collaboration',
  'Commerce',
  'Communication',
  'Content and Files',
  'Finance',
  'Data',
  'Human Resources',
  'Internet of Things',
  'IT Operations',
  'Lifestyle and Entertainment',
  'Marketing',
  'Productivity',
  'Sales and CRM',
  'Security',
  'Social Media',
  'Website',
]);

export const infoRules: readonly ConnectorRule[] = [
  {
    id: 'SpecificationVersionIncorrect',
    check: (document) =>
      document.swagger === '2.0'
        ? []
        : [finding('SpecificationVersionIncorrect', '#/swagger', 'must be "2.0"')],
  },
  {
    id: 'InfoTitle',
    check: ({ info }) => {
      const title = info?.title ?? '';
      const found: LintFinding[] = [];
      if (!title) found.push(finding('InfoTitle', '#/info/title', 'a title is required'));
      if (title.length > 30) {
        found.push(finding('FieldLengthExceeded', '#/info/title', 'goes over 30 characters'));
      }
      const restricted = RESTRICTED_TITLE_WORDS.find((word) =>
        new RegExp(`\\b${word}\\b`, 'i').test(title),
      );
      if (restricted) {
        found.push(
          finding('ValueContainsRestrictedWords', '#/info/title', `contains '${restricted}'`),
        );
      }
      if (title && !/[A-Za-z0-9]$/.test(title)) {
        found.push(
          finding(
            'ValueMustEndWithAlphanumeric',
            '#/info/title',
            'must end with a letter or digit',
          ),
        );
      }
      return found;
    },
  },
  {
    id: 'FieldLengthNotInRange',
    check: ({ info }) => {
      const description = info?.description ?? '';
      const found: LintFinding[] = [];
      if (description.length < 30 || description.length > 500) {
        found.push(
          finding(
            'FieldLengthNotInRange',
            '#/info/description',
            `must be 30 to 500 characters long; it has ${description.length}`,
          ),
        );
      }
      const product = PRODUCT_NAMES.find((name) => description.toLowerCase().includes(name));
      if (product) {
        found.push(
          finding('ValueContainsRestrictedWords', '#/info/description', `names '${product}'`),
        );
      }
      return found;
    },
  },
  {
    id: 'InfoContact',
    check: ({ info }) => {
      const contact = info?.contact;
      if (!contact?.name || !contact.url) {
        return [
          finding('InfoContact', '#/info/contact', 'a contact with name and url is required'),
        ];
      }
      if (contact.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contact.email)) {
        return [
          finding('ContactEmailNotValid', '#/info/contact/email', 'is not an e-mail address'),
        ];
      }
      return [];
    },
  },
  {
    id: 'InfoVersion',
    check: ({ info }) =>
      info?.version ? [] : [finding('InfoVersion', '#/info/version', 'a version is required')],
  },
  {
    id: 'ConnectorMetadataPropertiesMissing',
    check: (document) => {
      const metadata = document['x-ms-connector-metadata'];
      if (!Array.isArray(metadata)) {
        return [
          finding(
            'ConnectorMetadataPropertiesMissing',
            '#/x-ms-connector-metadata',
            "the 'x-ms-connector-metadata' property is required",
          ),
        ];
      }
      const names = new Set(metadata.map((entry) => entry.propertyName));
      return REQUIRED_METADATA.filter((name) => !names.has(name)).map((name) =>
        finding(
          'ConnectorMetadataPropertiesMissing',
          '#/x-ms-connector-metadata',
          `needs a '${name}' entry`,
        ),
      );
    },
  },
  {
    id: 'InvalidConnectorCategory',
    check: (document) => {
      const metadata = document['x-ms-connector-metadata'] ?? [];
      const index = metadata.findIndex((entry) => entry.propertyName === 'Categories');
      if (index < 0) return [];
      const categories = String(metadata[index]?.propertyValue ?? '').split(';');
      const at = `#/x-ms-connector-metadata/${index}/propertyValue`;
      const found = categories
        .filter((category) => !CATEGORIES.has(category))
        .map((category) => finding('InvalidConnectorCategory', at, `'${category}' is not allowed`));
      if (categories.length > 2) {
        found.push(finding('InvalidConnectorCategory', at, 'at most two categories'));
      }
      return found;
    },
  },
];
