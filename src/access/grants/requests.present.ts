/** Access requests as the API and the pages show them: titles and names resolved, next steps spelled out. */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { formatter } from '../../web/format.js';
import type { User } from '../users/users.service.js';
import { isLimited, recourse, type RecourseContext } from './notices.js';
import type { RequestRow } from './requests.repo.js';
import type { AccessRequestView, RequestStatus } from './requests.schema.js';
import type { RequestsDeps } from './requests.service.js';

type PresenterDeps = Pick<RequestsDeps, 'catalog' | 'users' | 'routing' | 'recordsUrl' | 'timeZone'>;

/** Memoized look-ups for one presentation (a page of requests asks for the same things many times). */
function lookups(deps: PresenterDeps) {
  const memo = <T>(load: (id: string) => Promise<T>) => {
    const cache = new Map<string, Promise<T>>();
    return (id: string) => {
      let hit = cache.get(id);
      if (!hit) cache.set(id, (hit = load(id)));
      return hit;
    };
  };
  return {
    dataset: memo(async (id): Promise<Dataset | undefined> => {
      try {
        return await deps.catalog.get(id, { admin: true });
      } catch {
        return undefined;
      }
    }),
    user: memo(async (id): Promise<User | undefined> => {
      try {
        return await deps.users.get(id);
      } catch {
        return undefined;
      }
    }),
    office: memo((id) => (id ? deps.routing.department(id) : deps.routing.it())),
    clerk: memo(() => deps.routing.clerk()),
  };
}

export function requestPresenter(deps: PresenterDeps) {
  const format = formatter(deps.timeZone);

  async function context(row: RequestRow, look: ReturnType<typeof lookups>): Promise<RecourseContext> {
    const [office, clerk] = await Promise.all([look.office(row.department_id ?? ''), look.clerk('')]);
    return { office, clerk, recordsUrl: deps.recordsUrl() };
  }

  async function present(
    row: RequestRow,
    look: ReturnType<typeof lookups>,
    options: { staff?: boolean },
  ): Promise<AccessRequestView> {
    const [dataset, decider, office] = await Promise.all([
      row.dataset_id ? look.dataset(row.dataset_id) : undefined,
      row.decided_by ? look.user(row.decided_by) : undefined,
      row.department_id ? look.office(row.department_id) : undefined,
    ]);
    const status = row.status as RequestStatus;
    const lowerTier = row.approved_tier !== null && row.approved_tier !== row.tier ? row.approved_tier : null;
    const limited =
      (status === 'approved' || status === 'denied') &&
      isLimited({
        decision: status === 'approved' ? 'approved' : 'denied',
        until: row.approved_until,
        lowerTier,
      });
    const decidedBy =
      status === 'withdrawn'
        ? 'you'
        : decider
          ? decider.name || decider.email
          : row.decided_at
            ? 'the portal administrators'
            : null;
    const view: AccessRequestView = {
      id: row.id,
      kind: row.kind as AccessRequestView['kind'],
      dataset: row.dataset_id ? { id: row.dataset_id, title: dataset?.title ?? row.dataset_id } : null,
      tier: row.tier,
      department: row.department_id
        ? { id: row.department_id, name: office?.name ?? row.department_id }
        : null,
      purpose: row.purpose,
      intended_use: row.intended_use,
      status,
      created_at: row.created_at,
      decided_at: row.decided_at,
      decided_by: decidedBy,
      decision_reason: row.decision_reason,
      approved_until: row.approved_until,
      approved_tier: row.approved_tier,
      limited,
      next_steps: limited ? recourse(await context(row, look)) : [],
    };
    if (options.staff) {
      const requester = await look.user(row.user_id);
      view.requester = {
        id: row.user_id,
        email: requester?.email ?? '',
        name: requester?.name ?? '',
        tier: requester?.tier ?? 'standard',
      };
    }
    return view;
  }

  return {
    one: (row: RequestRow, options: { staff?: boolean } = {}) => present(row, lookups(deps), options),
    async many(rows: readonly RequestRow[], options: { staff?: boolean } = {}): Promise<AccessRequestView[]> {
      const look = lookups(deps);
      return Promise.all(rows.map((row) => present(row, look, options)));
    },
    /** "the dataset “Building permits” (bldg-permits)" or "the elevated tier". */
    subjectOf: (view: Pick<AccessRequestView, 'dataset' | 'tier'>) =>
      view.dataset
        ? `the dataset “${view.dataset.title}” (${view.dataset.id})`
        : `the ${view.tier ?? 'higher'} tier`,
    formatDate: (date: string) => format.date(date),
    recourseContext: (row: RequestRow) => context(row, lookups(deps)),
  };
}
