/** `plaza users`: the command line creates staff accounts (the first admin), lists them, sets roles, resets passwords. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const STDIN_PASSWORD = 'piped in through stdin 2026';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describeDb('plaza users', () => {
  let t: TestApp;

  /** Runs `plaza users ...` on the test's database, with `input` on its standard input. */
  const plaza = (args: string[], input = ''): Promise<Run> => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith('PLAZA_')) delete env[key];
    Object.assign(env, {
      PLAZA_DATA_DIR: t.config.dataDir,
      ...(t.config.databaseUrl && { PLAZA_DATABASE_URL: t.config.databaseUrl }),
      PLAZA_PUBLIC_URL: 'https://data.example.gov',
      PLAZA_LOG_LEVEL: 'silent',
    });
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'plaza.js'), 'users', ...args], {
        env,
        cwd: ROOT,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      child.stdin.end(input);
    });
  };

  const signIn = (email: string, password: string) =>
    t.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });

  const auditOf = (action: string) =>
    t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('creates the first admin with a generated password, printed once, that signs in', async () => {
    const run = await plaza([
      'create',
      '--email',
      'It.Admin@Example.gov',
      '--name',
      'IT Admin',
      '--role',
      'admin',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const user = JSON.parse(run.stdout.slice(0, run.stdout.indexOf('\n}') + 2)) as {
      id: string;
      email: string;
    };
    expect(user.email).toBe('it.admin@example.gov');
    const password = /password \(shown once[^\n]*\n(\S+)/.exec(run.stdout)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    const res = await signIn('it.admin@example.gov', password);
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['admin']);
    const [entry] = await auditOf('user.create');
    expect(entry).toMatchObject({ actor: 'cli', actor_id: null, target_id: user.id });
    expect(entry!.details).not.toContain(password);
  });

  it('reads the password from standard input, never from the command line', async () => {
    const run = await plaza(
      [
        'create',
        '--email',
        'steward@example.gov',
        '--name',
        'Pat Steward',
        '--role',
        'steward',
        '--department',
        'public-works',
        '--password-stdin',
      ],
      `${STDIN_PASSWORD}\n`,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('shown once');
    expect(run.stdout).not.toContain(STDIN_PASSWORD);
    expect((await signIn('steward@example.gov', STDIN_PASSWORD)).json()).toMatchObject({
      roles: ['steward'],
      departments: ['public-works'],
    });
    const unknown = await plaza([
      'create',
      '--email',
      'x@example.gov',
      '--name',
      'X',
      '--role',
      'admin',
      '--password',
      'secret',
    ]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Unknown option '--password'/);
  });

  it('refuses a weak password from standard input', async () => {
    const run = await plaza(
      ['create', '--email', 'weak@example.gov', '--name', 'W', '--role', 'viewer', '--password-stdin'],
      'short\n',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/password: use at least 12 characters/);
    expect(await t.app.services.access.users.findByEmail('weak@example.gov')).toBeUndefined();
  });

  it('lists accounts without secrets, as a table or as JSON', async () => {
    const table = await plaza(['list']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^EMAIL\s+KIND\s+ROLES\s+STATUS\s+LAST SIGN-IN/);
    expect(table.stdout).toMatch(/steward@example\.gov\s+staff\s+steward:public-works\s+active/);
    const json = await plaza(['list', '--json']);
    const users = JSON.parse(json.stdout) as { email: string }[];
    expect(users.map((u) => u.email)).toEqual(
      expect.arrayContaining(['it.admin@example.gov', 'steward@example.gov']),
    );
    expect(json.stdout).not.toMatch(/scrypt|hash/);
  });

  it('replaces roles, which a running server applies within seconds', async () => {
    const session = await signIn('steward@example.gov', STDIN_PASSWORD);
    const cookie = `plaza_session=${session.cookies.find((c) => c.name === 'plaza_session')!.value}`;
    const run = await plaza(['roles', 'steward@example.gov', '--role', 'clerk', '--role', 'viewer']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).roles).toEqual(
      expect.arrayContaining([{ role: 'clerk' }, { role: 'viewer' }]),
    );
    // Another process changed them: the server sees it once its short credential cache expires.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const who = await t.inject({ url: '/api/v1/session', headers: { cookie } });
    expect([...who.json().roles].sort()).toEqual(['clerk', 'viewer']);
    const [entry] = await auditOf('user.roles');
    expect(entry).toMatchObject({ actor: 'cli' });
    expect(JSON.parse(entry!.details)).toMatchObject({ before: ['steward:public-works'] });
  });

  it('prints a one-time reset link that sets a new password', async () => {
    const run = await plaza(['reset-password', 'steward@example.gov']);
    expect(run.code, run.stderr).toBe(0);
    const link = /https:\/\/data\.example\.gov\/signin\/reset\?token=(\S+)/.exec(run.stdout)!;
    const token = decodeURIComponent(link[1]!);
    expect(await t.app.services.access.outbox.list({ to: 'steward@example.gov' })).toEqual([]);
    const page = await t.inject(`/signin/reset?token=${encodeURIComponent(token)}`);
    expect(page.statusCode).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const form = page.cookies.find((c) => c.name === 'plaza_form')!.value;
    const done = await t.inject({
      method: 'POST',
      url: '/signin/reset',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `plaza_form=${form}` },
      payload: new URLSearchParams({
        _csrf: csrf,
        token,
        password: 'chosen after the reset 9',
        confirm: 'chosen after the reset 9',
      }).toString(),
    });
    expect(done.statusCode).toBe(303);
    expect((await signIn('steward@example.gov', 'chosen after the reset 9')).statusCode).toBe(200);
    const [entry] = await auditOf('user.password_reset_request');
    expect(entry).toMatchObject({ actor: 'cli' });
    expect(JSON.parse(entry!.details)).toMatchObject({ email: 'steward@example.gov', mailed: false });
  });

  it('says what to fix', async () => {
    const noRole = await plaza(['create', '--email', 'a@example.gov', '--name', 'A']);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toMatch(/give at least one --role/);
    const badRole = await plaza(['create', '--email', 'a@example.gov', '--name', 'A', '--role', 'emperor']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/unknown role "emperor"/);
    const noDepartment = await plaza([
      'create',
      '--email',
      'a@example.gov',
      '--name',
      'A',
      '--role',
      'steward',
    ]);
    expect(noDepartment.code).toBe(2);
    expect(noDepartment.stderr).toMatch(/steward needs --department/);
    const unknownDepartment = await plaza([
      'create',
      '--email',
      'a@example.gov',
      '--name',
      'A',
      '--role',
      'steward',
      '--department',
      'nowhere',
    ]);
    expect(unknownDepartment.code).toBe(1);
    expect(unknownDepartment.stderr).toMatch(/no department "nowhere"/);
    const taken = await plaza([
      'create',
      '--email',
      'steward@example.gov',
      '--name',
      'S',
      '--role',
      'viewer',
    ]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);
    const nobody = await plaza(['reset-password', 'nobody@example.gov']);
    expect(nobody.code).toBe(1);
    const lastAdmin = await plaza(['roles', 'it.admin@example.gov', '--role', 'viewer']);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toMatch(/last active admin/);
    const bare = await plaza([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/Usage: plaza users/);
  });
});
