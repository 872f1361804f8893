/**
 * Who may see a dataset and who may read its data: the one rule every endpoint applies.
 *
 * | level        | metadata                                   | data                                  |
 * | ------------ | ------------------------------------------ | ------------------------------------- |
 * | `public`     | everyone (once published)                  | everyone                              |
 * | `restricted` | everyone (once published)                  | staff and grantees                    |
 * | `non-public` | staff and grantees; 404 for everyone else  | staff and grantees                    |
 *
 * Drafts and unpublished datasets are seen only by admins and by the stewards of their department.
 */

/** Who is asking, as far as the catalog's rules need to know. */
export interface Viewer {
  /** Sees and reads everything: the admin role, the automation token, the server's own writers. */
  admin: boolean;
  /** A signed-in member of staff (any role): reads restricted and non-public published data. */
  staff?: boolean;
  /** Departments this viewer stewards: their datasets are seen and read in any state. */
  departments?: readonly string[];
  /** Datasets granted to this viewer by an approved access request or an active agreement. */
  grants?: ReadonlySet<string>;
}

export const PUBLIC_VIEWER: Viewer = { admin: false };

/** The fields of a dataset the rules look at. */
export interface Guarded {
  id: string;
  status: string;
  access_level: string;
  department_id: string;
}

const stewards = (row: Guarded, viewer: Viewer) => viewer.departments?.includes(row.department_id) === true;

const granted = (row: Guarded, viewer: Viewer) => viewer.grants?.has(row.id) === true;

/** Whether the dataset exists for this viewer at all (metadata, search results, facet counts). */
export function maySee(row: Guarded, viewer: Viewer): boolean {
  if (viewer.admin || stewards(row, viewer)) return true;
  if (row.status !== 'published') return false;
  if (row.access_level !== 'non-public') return true;
  return viewer.staff === true || granted(row, viewer);
}

/** Whether this viewer may read the dataset's data (rows, queries, downloads, observations, live feeds). */
export function mayRead(row: Guarded, viewer: Viewer): boolean {
  if (!maySee(row, viewer)) return false;
  if (row.access_level === 'public') return true;
  return viewer.admin || viewer.staff === true || stewards(row, viewer) || granted(row, viewer);
}

/** Whether this viewer may change the dataset (metadata, data, publication): admins and its stewards. */
export function mayEdit(row: Pick<Guarded, 'department_id'>, viewer: Viewer): boolean {
  return viewer.admin || viewer.departments?.includes(row.department_id) === true;
}
