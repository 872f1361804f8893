/**
 * Access requests and data-sharing agreements, wired on the app's services: the one place that knows what they
 * depend on. The clock is injectable so that tests (and operators' tools) can run the agreements' schedule at
 * any instant.
 */
import type { Config } from '../../config.js';
import type { Services } from '../../services.js';
import { agreementsService } from './agreements.service.js';
import { requestsService } from './requests.service.js';
import { routing } from './routing.js';

export interface GrantsOptions {
  services: Pick<Services, 'db' | 'catalog' | 'access'>;
  config: Pick<Config, 'publicUrl' | 'timeZone'>;
  /** The public records desk's address when the portal has one (checked when a notice is written). */
  recordsUrl?: () => string | undefined;
  now?: () => Date;
}

export function createGrants({ services, config, recordsUrl = () => undefined, now }: GrantsOptions) {
  const clock = now ?? (() => new Date());
  const { access, catalog, db } = services;
  const route = routing({ users: access.users, catalog });
  const forget = (message: { userId: string }) => access.forget(message);
  const agreements = agreementsService({
    db,
    users: access.users,
    catalog,
    audit: access.audit,
    outbox: access.outbox,
    forget,
    routing: route,
    timeZone: config.timeZone,
    publicUrl: config.publicUrl,
    now: clock,
  });
  const requests = requestsService({
    db,
    users: access.users,
    catalog,
    audit: access.audit,
    outbox: access.outbox,
    forget,
    routing: route,
    timeZone: config.timeZone,
    publicUrl: config.publicUrl,
    recordsUrl,
    knowsThroughAgreement: (userId, datasetId) => agreements.knows(userId, datasetId),
    now: clock,
  });
  return { requests, agreements };
}

export type Grants = ReturnType<typeof createGrants>;
