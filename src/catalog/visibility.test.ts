import { describe, expect, it } from 'vitest';
import { mayEdit, mayRead, maySee, PUBLIC_VIEWER, type Viewer } from './visibility.js';

const row = (access_level: string, status = 'published', department_id = 'parks') => ({
  id: 'd1',
  access_level,
  status,
  department_id,
});

const viewers: Record<string, Viewer> = {
  public: PUBLIC_VIEWER,
  grantee: { admin: false, grants: new Set(['d1']) },
  'grantee of another dataset': { admin: false, grants: new Set(['d2']) },
  staff: { admin: false, staff: true },
  steward: { admin: false, staff: true, departments: ['parks'] },
  'steward elsewhere': { admin: false, staff: true, departments: ['police'] },
  admin: { admin: true },
};

// [viewer, level, status] -> [sees, reads, edits]
const TABLE: [string, string, string, boolean, boolean, boolean][] = [
  ['public', 'public', 'published', true, true, false],
  ['public', 'restricted', 'published', true, false, false],
  ['public', 'non-public', 'published', false, false, false],
  ['public', 'public', 'draft', false, false, false],
  ['public', 'public', 'unpublished', false, false, false],
  ['grantee', 'restricted', 'published', true, true, false],
  ['grantee', 'non-public', 'published', true, true, false],
  ['grantee', 'restricted', 'draft', false, false, false],
  ['grantee of another dataset', 'restricted', 'published', true, false, false],
  ['grantee of another dataset', 'non-public', 'published', false, false, false],
  ['staff', 'restricted', 'published', true, true, false],
  ['staff', 'non-public', 'published', true, true, false],
  ['staff', 'public', 'draft', false, false, false],
  ['steward', 'non-public', 'draft', true, true, true],
  ['steward', 'public', 'unpublished', true, true, true],
  ['steward elsewhere', 'public', 'draft', false, false, false],
  ['steward elsewhere', 'restricted', 'published', true, true, false],
  ['admin', 'non-public', 'draft', true, true, true],
];

describe('who sees, reads and edits a dataset', () => {
  it.each(TABLE)('%s, %s %s: sees %s, reads %s, edits %s', (viewer, level, status, sees, reads, edits) => {
    const v = viewers[viewer]!;
    const r = row(level, status);
    expect(maySee(r, v)).toBe(sees);
    expect(mayRead(r, v)).toBe(reads);
    expect(mayEdit(r, v)).toBe(edits);
  });

  it('never lets someone read what they cannot see', () => {
    for (const v of Object.values(viewers))
      for (const level of ['public', 'restricted', 'non-public'])
        for (const status of ['draft', 'published', 'unpublished'])
          if (mayRead(row(level, status), v)) expect(maySee(row(level, status), v)).toBe(true);
  });
});
