import { describe, expect, it } from 'vitest';
import { mapSentinelToDefender } from '../../../src/mapping/mapSentinelToDefender.ts';
import { readSentinelIncident } from '../../../src/mapping/sentinelIncidentView.ts';
import type { SentinelIncident } from '../../../src/model/sentinelIncident.ts';
import type { PlaybookTriggerBody } from '../../../src/model/playbookTrigger.ts';
import { fixture } from '../../support/fixtures.ts';

function mapArm(properties: Partial<SentinelIncident['properties']> = {}, memory = {}) {
  const incident = fixture<SentinelIncident>('sentinel-incident.json');
  incident.properties = { ...incident.properties, ...properties };
  return mapSentinelToDefender(readSentinelIncident(incident).incident, { memory });
}

describe('a Sentinel incident mapped to a Graph PATCH', () => {
  it('carries status, owner UPN and user labels only', () => {
    const { patch, defender } = mapArm();
    expect(patch).toEqual({
      status: 'inProgress',
      assignedTo: 'mira.okafor@fabrikam-soc.example',
      customTags: ['finance', 'Tier1'],
    });
    expect(defender).toEqual({
      status: 'inProgress',
      classification: '',
      determination: '',
      assignedTo: 'mira.okafor@fabrikam-soc.example',
      customTags: ['finance', 'Tier1'],
    });
  });

  it('sends classification and determination together on close, from memory when it fits', () => {
    const { patch, determinationFromMemory } = mapArm(
      {
        status: 'Closed',
        classification: 'TruePositive',
        classificationReason: 'SuspiciousActivity',
      },
      { truePositive: 'compromisedAccount' },
    );
    expect(patch).toMatchObject({
      status: 'resolved',
      classification: 'truePositive',
      determination: 'compromisedAccount',
    });
    expect(determinationFromMemory).toBe(true);
  });

  it('maps BenignPositive to informationalExpectedActivity, never to a Sentinel name (BR-08)', () => {
    const { patch } = mapArm({
      status: 'Closed',
      classification: 'BenignPositive',
      classificationReason: 'SuspiciousButExpected',
    });
    expect(patch.classification).toBe('informationalExpectedActivity');
    expect(patch.determination).toBe('other');
  });

  it('reports what Graph cannot write', () => {
    const { notes } = mapArm({ description: 'Analyst summary' });
    expect(notes.map((note) => note.code)).toEqual(
      expect.arrayContaining([
        'severity_not_writable',
        'title_not_writable',
        'description_not_writable',
        'labels_not_synced',
      ]),
    );
  });

  it('unassigns when the Sentinel owner is empty', () => {
    const { patch, defender } = mapArm({
      owner: { objectId: null, email: null, assignedTo: null, userPrincipalName: null },
    });
    expect(patch.assignedTo).toBeNull();
    expect(defender.assignedTo).toBe('');
  });

  it('writes a group owner as its name, with a note', () => {
    const { patch, notes } = mapArm({
      owner: { objectId: 'g1', assignedTo: 'Tier 2 SOC', ownerType: 'Group' },
    });
    expect(patch.assignedTo).toBe('Tier 2 SOC');
    expect(notes.map((note) => note.code)).toContain('owner_group');
  });
});

describe('the playbook trigger body', () => {
  it('is read with its PascalCase workspace keys and lowercase arrays', () => {
    const body = fixture<PlaybookTriggerBody>('playbook-trigger.json');
    const { incident } = readSentinelIncident(body);
    expect(incident.origin).toBe('trigger');
    expect(incident.ref).toEqual({
      subscriptionId: '5c2f1a9e-0d3b-4c7a-8e6f-2b1a0c9d8e7f',
      resourceGroupName: 'soc-rg',
      workspaceName: 'fabrikam-soc',
      incidentId: '0f5e6d7c-8b9a-4a0b-9c1d-2e3f4a5b6c7d',
    });
    expect(incident.owner).toEqual({
      objectId: '',
      email: '',
      assignedTo: '',
      userPrincipalName: '',
      ownerType: '',
    });

    const { patch } = mapSentinelToDefender(incident);
    expect(patch).toMatchObject({
      status: 'resolved',
      classification: 'informationalExpectedActivity',
    });
  });

  it('finds alerts and entities beside properties too (BR-01 captures)', () => {
    const body = fixture<PlaybookTriggerBody>('playbook-trigger.json');
    body.object.alerts = [
      { id: 'a', name: 'a', kind: 'SecurityAlert', properties: { alertDisplayName: 'Rule A' } },
    ];
    delete body.object.properties.alerts;
    expect(readSentinelIncident(body).incident.alerts).toHaveLength(1);
  });
});
