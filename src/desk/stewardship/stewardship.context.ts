/** What the stewardship watches share: the services they call, the policy, and who gets the mail. */
import type { Access } from '../../access/access.js';
import type { CatalogService } from '../../catalog/catalog.service.js';
import type { Dataset } from '../../catalog/catalog.schema.js';
import type { Sensors } from '../../sensors/sensors.js';
import type { ReportsDesk } from '../reports/reports.types.js';
import type { MailDataset, MailLinks, MailText } from './notice-mails.js';
import type { StewardshipPolicy } from './policy.js';
import type { NoticeRow, StewardshipRepo } from './stewardship.repo.js';

export interface WatchContext {
  repo: StewardshipRepo;
  catalog: CatalogService;
  access: Pick<Access, 'audit' | 'outbox' | 'users'>;
  reports: ReportsDesk;
  sensors: Pick<Sensors, 'qc'>;
  policy: StewardshipPolicy;
  timeZone: string;
  publicUrl: string;
  /** The portal team's address: the last resort for mail nobody else can take. */
  cityContact: string;
}

/** Everything the catalog says about one pass: datasets (as admins see them) and their departments' names. */
export interface Snapshot {
  datasets: Dataset[];
  departments: Map<string, { name: string; email: string | null; phone: string | null }>;
}

export async function snapshot(ctx: WatchContext): Promise<Snapshot> {
  const admin = { admin: true };
  const [datasets, departments] = await Promise.all([ctx.catalog.all(admin), ctx.catalog.departments(admin)]);
  return { datasets, departments: new Map(departments.map((d) => [d.id, d])) };
}

export const links = (ctx: WatchContext, datasetId: string): MailLinks => ({
  edit: `${ctx.publicUrl}/staff/datasets/${encodeURIComponent(datasetId)}/edit`,
  notices: `${ctx.publicUrl}/staff/notices`,
});

export const mailDataset = (d: Dataset): MailDataset => ({
  id: d.id,
  title: d.title,
  department: d.department.name,
});

/** Mail addresses of the staff, read once per pass. */
export function recipients(ctx: WatchContext) {
  let staff: Promise<{ email: string; roles: { role: string; department?: string }[] }[]> | undefined;
  const active = () =>
    (staff ??= ctx.access.users
      .list('staff')
      .then((users) => users.filter((u) => u.status === 'active'))
      .catch(() => []));
  return {
    /** The department's stewards; without any, the dataset's contact point, then the department's address. */
    async stewards(
      departmentId: string,
      fallback: readonly (string | null | undefined)[] = [],
    ): Promise<string[]> {
      const found = (await active())
        .filter((u) => u.roles.some((r) => r.role === 'steward' && r.department === departmentId))
        .map((u) => u.email);
      if (found.length > 0) return [...new Set(found)];
      const first = fallback.find((a): a is string => typeof a === 'string' && a.includes('@'));
      return first ? [first] : [];
    },
    /** The administrators; without any, the portal team. */
    async admins(): Promise<string[]> {
      const found = (await active())
        .filter((u) => u.roles.some((r) => r.role === 'admin'))
        .map((u) => u.email);
      return found.length > 0 ? [...new Set(found)] : [ctx.cityContact];
    },
  };
}

export type Recipients = ReturnType<typeof recipients>;

export async function send(
  ctx: WatchContext,
  to: readonly string[],
  mail: MailText,
  kind: string,
): Promise<void> {
  for (const address of to) await ctx.access.outbox.enqueue({ to: address, ...mail, kind });
}

/** Records a stewardship event against the dataset, as the system. */
export async function audit(
  ctx: WatchContext,
  action: string,
  datasetId: string,
  details: Record<string, unknown>,
  reason?: string,
): Promise<void> {
  await ctx.access.audit.record({
    action,
    actorId: null,
    actor: 'system',
    targetType: 'dataset',
    targetId: datasetId,
    reason: reason ?? null,
    details,
  });
}

export const problemsOf = (row: NoticeRow): { field: string; message: string }[] =>
  JSON.parse(row.problems) as { field: string; message: string }[];
