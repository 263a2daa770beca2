/**
 * Microsoft.Web/connections: create or replace, get and list. A connection to a managed API
 * that uses the workflow's identity (`parameterValueType: Alternative`) counts as
 * authenticated, and so does one given parameter values (an API key); the values themselves
 * are never stored or returned, as ARM returns none.
 */
import type { RequestHandler } from 'express';

import { sendArmBadRequest, sendArmError } from '../arm/armErrors.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { resourceGroupId, type Json, type StoredConnection } from '../state/logicResources.ts';
import { resourceGroupOf } from './logicGuards.ts';
import { connectionView } from './logicViews.ts';

function connectionId(res: Parameters<RequestHandler>[1], name: string): string {
  return `${resourceGroupId(resourceGroupOf(res))}/providers/Microsoft.Web/connections/${name}`;
}

export function putConnection(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const body = (req.body ?? {}) as Json;
    const properties = { ...((body['properties'] ?? {}) as Json) };
    const apiId = (properties['api'] as Json | undefined)?.['id'];
    if (typeof body['location'] !== 'string') {
      return sendArmError(
        res,
        400,
        'LocationRequired',
        'The location property is required for this definition.',
      );
    }
    if (typeof apiId !== 'string' || !/\/(managedApis|customApis)\/[^/]+$/i.test(apiId)) {
      return sendArmBadRequest(
        res,
        'properties.api.id must be a managedApis or customApis resource id.',
      );
    }

    const values = properties['parameterValues'];
    delete properties['parameterValues'];
    const name = String(req.params['connectionName']);
    const connection: StoredConnection = {
      id: connectionId(res, name),
      name,
      location: body['location'],
      ...(typeof body['kind'] === 'string' ? { kind: body['kind'] } : {}),
      properties,
      authenticated:
        properties['parameterValueType'] === 'Alternative' ||
        (typeof values === 'object' && values !== null && Object.keys(values).length > 0),
    };
    const created = context.state.logic.putConnection(connection);
    res.status(created ? 201 : 200).json(connectionView(connection));
  };
}

export function getConnection(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const name = String(req.params['connectionName']);
    const connection = context.state.logic.connection(connectionId(res, name));
    if (!connection) {
      return sendArmError(
        res,
        404,
        'ResourceNotFound',
        `The Resource 'Microsoft.Web/connections/${name}' was not found.`,
      );
    }
    res.json(connectionView(connection));
  };
}

export function listConnections(context: EmulatorContext): RequestHandler {
  return (_req, res) => {
    res.json({
      value: context.state.logic.connectionsIn(resourceGroupOf(res)).map(connectionView),
    });
  };
}
