/**
 * `IncidentComments_*`: GET list, GET one, PUT (the client chooses the comment id) and
 * DELETE under .../incidents/{incidentId}/comments. The author is the calling app. With
 * the state's default, a comment write is also a write of the incident (new etag).
 */
import type { RequestHandler } from 'express';

import { SENTINEL_LIMITS, type SentinelComment } from '../../model/sentinelIncident.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { principalOf } from '../http/bearerAuth.ts';
import { matchesFilter, readPath } from '../odata/filterEvaluator.ts';
import { parseFilter } from '../odata/filterParser.ts';
import { ODataQueryError } from '../odata/odataQueryError.ts';
import { parseOrderBy, sortByKeys } from '../odata/orderBy.ts';
import {
  deleteComment as removeComment,
  findComment,
  writeComment,
} from '../state/sentinelWrites.ts';
import { sendArmBadRequest, sendArmError } from './armErrors.ts';
import { workspaceOf } from './armGuards.ts';
import { armNextLink, pageOf, readPageRequest } from './armPaging.ts';
import { storedIncidentOf } from './incidentReads.ts';

const DEFAULT_COMMENT_PAGE_SIZE = 50;

export function listComments(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const stored = storedIncidentOf(req.params['incidentId'], res);
    if (!stored) return;

    try {
      const page = readPageRequest(req, DEFAULT_COMMENT_PAGE_SIZE);
      const selected = queryComments(stored.comments, req.query['$filter'], req.query['$orderby']);
      res.json(pageOf(selected, page, (offset) => armNextLink(context.baseUrl, req, offset)));
    } catch (error) {
      if (error instanceof ODataQueryError) return sendArmBadRequest(res, error.message);
      throw error;
    }
  };
}

export const getComment: RequestHandler = (req, res) => {
  const stored = storedIncidentOf(req.params['incidentId'], res);
  if (!stored) return;

  const comment = findComment(stored, String(req.params['commentId']));
  if (!comment) return sendCommentNotFound(res, req.params['commentId']);
  res.json(comment);
};

export function putComment(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const stored = storedIncidentOf(req.params['incidentId'], res);
    if (!stored) return;

    const message: unknown = (req.body as { properties?: { message?: unknown } } | undefined)
      ?.properties?.message;
    if (typeof message !== 'string' || message === '') {
      return sendArmBadRequest(res, "'properties.message' is required.");
    }

    const principal = principalOf(res);
    const result = writeComment(
      workspaceOf(res),
      stored,
      {
        commentName: String(req.params['commentId']),
        message,
        author: { objectId: principal.objectId, name: principal.displayName },
        bumpIncident: context.state.commentWritesBumpIncident,
      },
      context.clock(),
    );

    if (!result.ok && result.problem === 'tooLong') {
      const limit = SENTINEL_LIMITS.commentMaxChars;
      return sendArmBadRequest(res, `Comment length should not exceed ${limit} characters`);
    }
    if (!result.ok) {
      const limit = SENTINEL_LIMITS.commentsPerIncident;
      return sendArmBadRequest(res, `An incident cannot have more than ${limit} comments`);
    }
    res.status(result.created ? 201 : 200).json(result.comment);
  };
}

export function deleteComment(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const stored = storedIncidentOf(req.params['incidentId'], res);
    if (!stored) return;

    const bump = context.state.commentWritesBumpIncident;
    const deleted = removeComment(stored, String(req.params['commentId']), bump, context.clock());
    res.status(deleted ? 200 : 204).end();
  };
}

function queryComments(comments: SentinelComment[], filterText: unknown, orderByText: unknown) {
  const filter = typeof filterText === 'string' ? parseFilter(filterText) : undefined;
  const filtered = filter
    ? comments.filter((comment) => matchesFilter(filter, (path) => readPath(comment, path)))
    : comments;

  if (typeof orderByText !== 'string') return filtered;
  return sortByKeys(
    filtered,
    parseOrderBy(orderByText),
    (comment) => (path) => readPath(comment, path),
  );
}

function sendCommentNotFound(res: Parameters<RequestHandler>[1], commentId: unknown): void {
  sendArmError(res, 404, 'NotFound', `Comment '${String(commentId)}' was not found.`);
}
