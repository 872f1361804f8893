/**
 * Who hears about what: the stewards of a department (or its contact address when it has no steward account),
 * the administrators for tier requests, and the offices named in the ways to ask for a review.
 */
import type { CatalogService } from '../../catalog/catalog.service.js';
import type { UsersService } from '../users/users.service.js';
import type { Contact } from './notices.js';

const CLERK = /\bclerk\b/i;
const IT = /\binformation technology\b/i;

export function routing({
  users,
  catalog,
}: {
  users: Pick<UsersService, 'list'>;
  catalog: Pick<CatalogService, 'departments'>;
}) {
  const departments = () => catalog.departments({ admin: true });
  const contact = (d: { name: string; email: string | null; phone: string | null }): Contact => ({
    name: d.name,
    email: d.email,
    phone: d.phone,
  });

  async function activeStaff() {
    return (await users.list('staff')).filter((u) => u.status === 'active');
  }

  return {
    /** A department's contact, from the catalog. */
    async department(id: string): Promise<Contact | undefined> {
      const found = (await departments()).find((d) => d.id === id);
      return found ? contact(found) : undefined;
    },

    /** The City Clerk's office: the department `city-clerk`, or the one whose name says Clerk. */
    async clerk(): Promise<Contact | undefined> {
      const all = await departments();
      const found = all.find((d) => d.id === 'city-clerk') ?? all.find((d) => CLERK.test(d.name));
      return found ? contact(found) : undefined;
    },

    /** The office behind tier decisions: Information Technology, when the catalog has it. */
    async it(): Promise<Contact | undefined> {
      const all = await departments();
      const found = all.find((d) => d.id === 'information-technology') ?? all.find((d) => IT.test(d.name));
      return found ? contact(found) : undefined;
    },

    /**
     * Addresses that decide for a department: its active stewards, else its contact address. For tier requests
     * (department null): the active administrators.
     */
    async deciders(departmentId: string | null): Promise<string[]> {
      const staff = await activeStaff();
      if (departmentId === null)
        return staff.filter((u) => u.roles.some((r) => r.role === 'admin')).map((u) => u.email);
      const stewards = staff
        .filter((u) => u.roles.some((r) => r.role === 'steward' && r.department === departmentId))
        .map((u) => u.email);
      if (stewards.length) return stewards;
      const fallback = await this.department(departmentId);
      return fallback?.email ? [fallback.email] : [];
    },
  };
}

export type Routing = ReturnType<typeof routing>;
