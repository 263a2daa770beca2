import { describe, expect, it } from 'vitest';
import {
  ArmExpressionError,
  evaluateDeep,
  evaluateString,
  type ArmContext,
} from '../../../src/playbooks/azure/armExpressions.ts';

const context: ArmContext = {
  subscriptionId: 'sub-1',
  resourceGroupName: 'rg-playbooks',
  location: 'northeurope',
  parameters: { PlaybookName: 'Sync-IncidentOnUpdate', ApiKey: '', Interval: 60 },
  variables: { ConnectionName: "[concat('azuresentinel-', parameters('PlaybookName'))]" },
};

describe('ARM template expressions', () => {
  it('evaluates the connection id of a playbook through a variable', () => {
    const id = evaluateString(
      "[resourceId('Microsoft.Web/connections', variables('ConnectionName'))]",
      context,
    );

    expect(id).toBe(
      '/subscriptions/sub-1/resourceGroups/rg-playbooks/providers/Microsoft.Web/connections/azuresentinel-Sync-IncidentOnUpdate',
    );
  });

  it('reads properties of resourceGroup() and subscription()', () => {
    expect(evaluateString('[resourceGroup().location]', context)).toBe('northeurope');
    expect(evaluateString('[subscription().subscriptionId]', context)).toBe('sub-1');
  });

  it('keeps parameter types and picks a branch with if and empty', () => {
    expect(evaluateString("[parameters('Interval')]", context)).toBe(60);
    expect(
      evaluateString(
        "[if(empty(parameters('ApiKey')), json('{}'), createObject('api_key', parameters('ApiKey')))]",
        context,
      ),
    ).toEqual({});
  });

  it("leaves WDL expressions alone and unescapes a literal '[['", () => {
    expect(
      evaluateDeep(
        { a: "@triggerBody()?['object']?['id']", b: '[[not an expression]', c: 3 },
        context,
      ),
    ).toEqual({ a: "@triggerBody()?['object']?['id']", b: '[not an expression]', c: 3 });
  });

  it('doubles quotes inside strings', () => {
    expect(evaluateString("[concat('it''s ', 'fine')]", context)).toBe("it's fine");
  });

  it('refuses a function it does not know, naming it', () => {
    expect(() => evaluateString('[uniqueString(resourceGroup().id)]', context)).toThrow(
      ArmExpressionError,
    );
    expect(() => evaluateString('[uniqueString(resourceGroup().id)]', context)).toThrow(
      "the function 'uniqueString' is not supported here",
    );
  });

  it('refuses an unknown parameter', () => {
    expect(() => evaluateString("[parameters('Missing')]", context)).toThrow(
      "no parameter 'Missing'",
    );
  });
});
