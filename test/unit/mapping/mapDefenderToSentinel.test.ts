import { describe, expect, it } from 'vitest';
import { mapDefenderToSentinel } from '../../../src/mapping/mapDefenderToSentinel.ts';
import {
  detectDefenderSource,
  readDefenderIncident,
} from '../../../src/mapping/readDefenderIncident.ts';
import type { GraphIncident } from '../../../src/model/graphIncident.ts';
import type { LegacyIncident } from '../../../src/model/defenderLegacyIncident.ts';
import { fixture } from '../../support/fixtures.ts';

function mapGraph(overrides: Partial<GraphIncident> = {}) {
  const body = { ...fixture<GraphIncident>('graph-incident-with-alerts.json'), ...overrides };
  const reading = readDefenderIncident(body, 'graph');
  const mapped = mapDefenderToSentinel(reading.incident);
  return { ...mapped, notes: [...reading.notes, ...mapped.notes] };
}

describe('a Graph v1.0 incident mapped to Sentinel', () => {
  it('carries title, severity, open status, owner and tags', () => {
    const { sentinel } = mapGraph();
    expect(sentinel).toMatchObject({
      title: 'Credential theft and lateral movement on two finance devices',
      severity: 'High',
      status: 'Active',
      classification: '',
      classificationReason: '',
      providerIncidentId: '4410027',
    });
    expect(sentinel.owner.userPrincipalName).toBe('Mira.Okafor@fabrikam-soc.example');
    expect(sentinel.labels).toEqual(['finance', 'Tier1', 'sys:Defender Experts']);
  });

  it('takes the activity window from the alerts, keeping seven-digit fractions as sent', () => {
    const { sentinel } = mapGraph();
    expect(sentinel.firstActivityTimeUtc).toBe('2026-10-02T08:01:50.116Z');
    expect(sentinel.lastActivityTimeUtc).toBe('2026-10-02T08:39:12.75Z');
  });

  it('closes with the pair of the classification and notes the dropped determination', () => {
    const { sentinel, notes } = mapGraph({ status: 'resolved' });
    expect(sentinel.status).toBe('Closed');
    expect([sentinel.classification, sentinel.classificationReason]).toEqual([
      'TruePositive',
      'SuspiciousActivity',
    ]);
    expect(notes.map((note) => note.code)).toContain('determination_not_carried');
  });

  it('closes as Undetermined when Defender resolved without a classification', () => {
    const { sentinel } = mapGraph({
      status: 'resolved',
      classification: 'unknown',
      determination: 'unknown',
    });
    expect([sentinel.classification, sentinel.classificationReason]).toEqual(['Undetermined', '']);
  });

  it('turns a merged (redirected) incident into a closed one with a label and a pointer (BR-04)', () => {
    const { sentinel, notes } = mapGraph({ status: 'redirected', redirectIncidentId: '4410099' });
    expect(sentinel.status).toBe('Closed');
    expect(sentinel.classification).toBe('Undetermined');
    expect(sentinel.labels).toContain('redirected');
    expect(sentinel.classificationComment).toContain('4410099');
    expect(notes.find((note) => note.code === 'status_redirected')?.value).toBe('4410099');
  });

  it('keeps awaitingAction open with a Defender label', () => {
    const { sentinel } = mapGraph({ status: 'awaitingAction' });
    expect(sentinel.status).toBe('Active');
    expect(sentinel.labels).toContain('defender:awaitingAction');
  });

  it('turns an unknown status into a note, not an error', () => {
    const { sentinel, notes } = mapGraph({ status: 'escalatedToAgent' });
    expect(sentinel.status).toBe('New');
    expect(notes).toContainEqual(
      expect.objectContaining({ field: 'status', code: 'unknown_value' }),
    );
  });

  it('accepts any letter case and old determination names', () => {
    const { sentinel } = mapGraph({
      status: 'Resolved',
      classification: 'FalsePositive',
      determination: 'Clean',
    });
    expect([sentinel.classification, sentinel.classificationReason]).toEqual([
      'FalsePositive',
      'IncorrectAlertLogic',
    ]);
  });

  it('returns every field as text when Defender sends nulls (BR-01, BR-34)', () => {
    const { sentinel, notes } = mapGraph({
      description: null,
      assignedTo: null,
      customTags: null,
      systemTags: null,
      alerts: null,
      displayName: null,
    });
    expect(sentinel.description).toBe('');
    expect(sentinel.title).toBe('');
    expect(sentinel.owner).toEqual({
      objectId: '',
      email: '',
      assignedTo: '',
      userPrincipalName: '',
      ownerType: '',
    });
    expect(sentinel.labels).toEqual([]);
    expect(notes.map((note) => note.code)).toContain('description_missing');
  });

  it('cuts a long description to 5,000 characters without splitting a surrogate pair', () => {
    const description = 'a'.repeat(4999) + '😀' + 'b'.repeat(10);
    const { sentinel, notes } = mapGraph({ description });
    expect(sentinel.description).toBe('a'.repeat(4999));
    expect(notes.map((note) => note.code)).toContain('description_truncated');
  });

  it('maps unknown severity to Informational with a note', () => {
    const { sentinel, notes } = mapGraph({ severity: 'unknown' });
    expect(sentinel.severity).toBe('Informational');
    expect(notes.map((note) => note.code)).toContain('severity_unknown');
  });

  it('does not try to resolve non-person assignees', () => {
    const { sentinel, notes } = mapGraph({ assignedTo: 'Suppression rule' });
    expect(sentinel.owner).toMatchObject({ assignedTo: 'Suppression rule', userPrincipalName: '' });
    expect(notes.find((note) => note.code === 'owner_not_resolved')?.message).toMatch(
      /not a person/,
    );
  });
});

describe('a legacy Defender API incident mapped to Sentinel', () => {
  const body = fixture<LegacyIncident>('defender-legacy-incident.json');

  it('is recognised as legacy', () => {
    expect(detectDefenderSource(body)).toBe('legacy');
    expect(detectDefenderSource(fixture('graph-incident-with-alerts.json'))).toBe('graph');
  });

  it('reads PascalCase values and numeric ids', () => {
    const reading = readDefenderIncident(body, 'legacy');
    const { sentinel } = mapDefenderToSentinel(reading.incident);
    expect(reading.incident.id).toBe('880133');
    expect(sentinel).toMatchObject({
      title: 'Ransomware note written on one endpoint',
      severity: 'High',
      status: 'Closed',
      classification: 'TruePositive',
      classificationReason: 'SuspiciousActivity',
      labels: ['ransomware'],
      firstActivityTimeUtc: '2026-09-14T21:58:07.7272048Z',
    });
    expect(reading.incident.determination).toBe('malware');
    expect(reading.incident.comments[0]).toEqual({
      text: 'Restored from backup',
      author: 'night-shift@fabrikam-soc.example',
      createdDateTime: '2026-09-15T06:10:00.0000000Z',
    });
  });

  it('reads the spelled-out classification and the UnSpecified severity', () => {
    const reading = readDefenderIncident(
      {
        ...body,
        classification: 'Informational, expected activity',
        severity: 'UnSpecified',
        determination: 'ConfirmedUserActivity',
      },
      'legacy',
    );
    expect(reading.incident.classification).toBe('informationalExpectedActivity');
    expect(reading.incident.severity).toBe('unknown');
    expect(reading.incident.determination).toBe('confirmedActivity');
    expect(reading.notes).toEqual([]);
  });
});
