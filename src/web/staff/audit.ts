/**
 * Who did it, for the audit log: the signed-in account (its id and email), or the automation token. Every change
 * to a dataset, from the staff console or the JSON API, is recorded through {@link datasetAuditor}.
 */
import type { FastifyRequest } from 'fastify';
import { actorOf as principalActor, type Actor } from '../../access/audit/actor.js';
import type { AuditService } from '../../access/audit/audit.service.js';
import { anonymous } from '../../access/principal.js';
import type { DatasetAudit, DatasetAuditEvent } from '../../catalog/catalog.routes.js';

export type AuditActor = Actor;

/** The actor of a request as the audit log names it. */
export const actorOf = (request: FastifyRequest): AuditActor =>
  principalActor(request.principal ?? anonymous(request.ip), request.ip);

/** Records a dataset event of an actor. */
export type DatasetRecorder = (actor: AuditActor, event: DatasetAuditEvent) => Promise<void>;

export function datasetRecorder(audit: Pick<AuditService, 'record'>): DatasetRecorder {
  return async (actor, event) => {
    await audit.record({
      action: event.action,
      actorId: actor.actorId,
      actor: actor.actor,
      ip: actor.ip,
      targetType: 'dataset',
      targetId: event.datasetId,
      reason: event.reason ?? null,
      details: event.details ?? {},
    });
  };
}

/** The audit hook the JSON API's dataset routes are given (see catalog.routes.ts and imports.routes.ts). */
export function datasetAuditor(audit: Pick<AuditService, 'record'>): DatasetAudit {
  const record = datasetRecorder(audit);
  return (request, event) => record(actorOf(request), event);
}
