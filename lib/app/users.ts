import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from '../auth/password';
import { ROLES, type Role } from '../auth/principal';
import { Slug } from '../config/schema';
import type { Store } from '../store';
import type { UserRecord } from '../store/user-store';

/** A user could not be added or changed; problems by field. */
export class UserInputError extends Error {
  override readonly name = 'UserInputError';
  constructor(readonly problems: Record<string, string>) {
    super(`User not saved:\n${Object.entries(problems).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  }
}

export const NewUser = z
  .object({
    email: z.string().trim().toLowerCase().email('must be an email address').max(254),
    role: z.enum(ROLES, { message: 'choose a role: head (one school), trust (every school of the trust) or admin' }),
    trustId: Slug,
    schoolId: Slug.optional(),
    password: z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(1024),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'head' && !u.schoolId) ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'a head needs their one school' });
    if (u.role !== 'head' && u.schoolId) ctx.addIssue({ code: 'custom', path: ['schoolId'], message: `only heads have a school; a ${u.role} user sees every school of the trust` });
  });
export type NewUser = z.input<typeof NewUser>;

type Deps = { store: Store; clock: () => Date };

/** Public view of a user (never the hash). */
export type UserSummary = Omit<UserRecord, 'passwordHash' | 'revokedTokens'>;
const summary = ({ passwordHash: _h, revokedTokens: _r, ...rest }: UserRecord): UserSummary => rest;

/**
 * Adds a local user (the `cli user add` and admin console use case). The trust and school must be
 * configured, so a typo cannot create a user who sees nothing. `replace` resets an existing user.
 * `mustChangePassword`: the password was issued by someone else, so the user must choose their own at
 * first sign-in. Every issuing entry point (CLI, admin console) says so explicitly; it defaults to false
 * only for library callers that set a password the user already knows (demo seeding, test fixtures).
 */
export async function addUser(deps: Deps, input: NewUser, options: { replace?: boolean; mustChangePassword?: boolean } = {}): Promise<UserSummary> {
  const parsed = NewUser.safeParse(input);
  if (!parsed.success) {
    const problems: Record<string, string> = {};
    for (const i of parsed.error.issues) problems[String(i.path[0] ?? 'user')] ??= i.message;
    throw new UserInputError(problems);
  }
  const u = parsed.data;
  if (!(await deps.store.config.getTrust(u.trustId))) throw new UserInputError({ trustId: `no trust "${u.trustId}" is configured (import the configuration first)` });
  if (u.schoolId) {
    const ref = await deps.store.config.getSchool(u.schoolId, u.trustId);
    if (!ref) throw new UserInputError({ schoolId: `trust "${u.trustId}" has no school "${u.schoolId}"` });
  }
  const now = deps.clock().toISOString();
  const existing = await deps.store.users.get(u.email);
  const record: UserRecord = {
    email: u.email,
    role: u.role,
    trustId: u.trustId,
    ...(u.schoolId ? { schoolId: u.schoolId } : {}),
    passwordHash: await hashPassword(u.password),
    disabled: false,
    ...(options.mustChangePassword ? { mustChangePassword: true } : {}),
    // Replacing a user ends their sessions (the version only ever rises, so old tokens stay refused).
    ...(existing ? { sessionVersion: (existing.sessionVersion ?? 0) + 1 } : {}),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  if (options.replace) await deps.store.users.save(record);
  // Sign-in is by address alone, so an address has one account across all trusts. The refusal reads the same
  // whichever trust (this one or another) holds the address, and names no trust.
  else if (!(await deps.store.users.create(record))) throw new UserInputError({ email: addressUnavailable(u.email) });
  return summary(record);
}

/** Why an address cannot get a new account, in words that do not say where it is used. */
export const addressUnavailable = (email: string) =>
  `${email} cannot be used for a new account. If they are one of your users they are listed below (reset their password there); otherwise ask them for another address`;

export async function listUsers(deps: { store: Store }, trustId?: string): Promise<UserSummary[]> {
  return (await deps.store.users.list(trustId)).map(summary);
}

/** Disables (or re-enables) a user; their tokens stop working on the next request. */
export async function setUserDisabled(deps: Deps, email: string, disabled: boolean, trustId?: string): Promise<UserSummary> {
  const user = await deps.store.users.get(email);
  if (!user || (trustId && user.trustId !== trustId)) throw new UserInputError({ email: `no user ${email}` });
  await deps.store.users.setDisabled(user.email, disabled, deps.clock().toISOString());
  return summary({ ...user, disabled });
}

/** A password for a new user, shown once to the admin who created them (20 characters, ~120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/**
 * Admin console "add user" in local mode: creates the user in the admin's trust with a generated password,
 * returned once for the admin to pass on (it is stored only as a hash and never shown again).
 */
export async function inviteUser(
  deps: Deps,
  trustId: string,
  input: { email: string; role: string; schoolId?: string },
): Promise<{ user: UserSummary; password: string }> {
  const password = generatePassword();
  const user = await addUser(deps, { email: input.email, role: input.role as Role, trustId, schoolId: input.schoolId || undefined, password }, { mustChangePassword: true });
  return { user, password };
}

/**
 * Admin console "Reset password" (local mode): a new generated password, shown once to the admin; the user
 * must change it at their next sign-in. Their current sessions end at once. An admin cannot reset their own password this way.
 */
export async function resetUserPassword(deps: Deps, trustId: string, email: string, actor?: string): Promise<{ user: UserSummary; password: string }> {
  const user = await deps.store.users.get(email.trim().toLowerCase());
  if (!user || user.trustId !== trustId) throw new UserInputError({ email: `no user ${email}` });
  if (actor && actor.toLowerCase() === user.email) throw new UserInputError({ email: 'use “Change password” for your own account' });
  const password = generatePassword();
  const at = deps.clock().toISOString();
  await deps.store.users.setPassword(user.email, await hashPassword(password), true, at);
  return { user: summary({ ...user, mustChangePassword: true, updatedAt: at }), password };
}

/** The user could not change their password; problems by field (`current`, `password`, `confirm`). */
export class PasswordChangeError extends UserInputError {}

/**
 * A local user changes their own password: the current one must be right, the new one at least
 * PASSWORD_MIN_LENGTH characters, typed twice the same, and not the current one. Clears the
 * must-change flag. Stored as a scrypt hash like every other password.
 */
export async function changeOwnPassword(deps: Deps, email: string, input: { current?: string; password?: string; confirm?: string }): Promise<UserSummary> {
  const current = input.current ?? '';
  const next = input.password ?? '';
  const user = await deps.store.users.get(email.trim().toLowerCase());
  if (!user || user.disabled) throw new PasswordChangeError({ current: 'this account is disabled or no longer exists' });
  const problems: Record<string, string> = {};
  if (!current || !(await verifyPassword(current.slice(0, 1024), user.passwordHash))) problems.current = 'this is not your current password';
  if (next.length < PASSWORD_MIN_LENGTH) problems.password = `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  else if (next.length > 1024) problems.password = 'must be at most 1024 characters';
  else if (!problems.current && next.normalize('NFKC') === current.normalize('NFKC')) problems.password = 'must be different from your current password';
  if (!problems.password && next !== (input.confirm ?? '')) problems.confirm = 'does not match the new password';
  if (Object.keys(problems).length) throw new PasswordChangeError(problems);
  const at = deps.clock().toISOString();
  if (!(await deps.store.users.setPassword(user.email, await hashPassword(next), false, at, user.passwordHash))) {
    throw new PasswordChangeError({ current: 'your password was changed elsewhere just now; sign in again' });
  }
  return summary({ ...user, mustChangePassword: false, updatedAt: at });
}

const UserChange = z
  .object({
    role: z.enum(ROLES, { message: 'must be head, trust or admin' }),
    schoolId: z.preprocess((v) => (v === '' ? undefined : v), Slug.optional()),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'head' && !u.schoolId) ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'a head needs their one school' });
    if (u.role !== 'head' && u.schoolId) ctx.addIssue({ code: 'custom', path: ['schoolId'], message: `only heads have a school; a ${u.role} user sees every school of the trust` });
  });

/**
 * Changes a user's role and school within one trust. Their current sign-in stops working at once (local
 * tokens are checked against the user record on every request), so they sign in again with the new access.
 * `actor` cannot change their own role (an admin cannot lock the trust out of its console by accident).
 */
export async function changeUserAccess(
  deps: Deps,
  trustId: string,
  email: string,
  change: { role: string; schoolId?: string },
  actor?: string,
): Promise<UserSummary> {
  const user = await deps.store.users.get(email.trim().toLowerCase());
  if (!user || user.trustId !== trustId) throw new UserInputError({ email: `no user ${email}` });
  if (actor && actor.toLowerCase() === user.email) throw new UserInputError({ role: 'you cannot change your own role; ask another admin' });
  const parsed = UserChange.safeParse(change);
  if (!parsed.success) {
    const problems: Record<string, string> = {};
    for (const i of parsed.error.issues) problems[String(i.path[0] ?? 'user')] ??= i.message;
    throw new UserInputError(problems);
  }
  const { role, schoolId } = parsed.data;
  if (schoolId) {
    const ref = await deps.store.config.getSchool(schoolId, trustId);
    if (!ref) throw new UserInputError({ schoolId: `your trust has no school "${schoolId}"` });
  }
  const { schoolId: _old, ...rest } = user;
  // A new session version: tokens issued before the change stay refused even if the access is changed back.
  const updated: UserRecord = { ...rest, role, ...(schoolId ? { schoolId } : {}), sessionVersion: (user.sessionVersion ?? 0) + 1, updatedAt: deps.clock().toISOString() };
  await deps.store.users.save(updated);
  return summary(updated);
}

const shellQuote = (s: string) => (/^[A-Za-z0-9_.,:=@/+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * In Cognito mode users live in the user pool. The console does not call AdminCreateUser
 * (@aws-sdk/client-cognito-identity-provider is not a dependency); it shows these exact commands instead.
 * Cognito emails the user a temporary password and makes them choose their own at first sign-in.
 */
export function cognitoInviteCommands(userPoolId: string, trustId: string, input: { email: string; role: string; schoolId?: string }): string[] {
  const parsed = NewUser.safeParse({ ...input, trustId, schoolId: input.schoolId || undefined, password: 'x'.repeat(PASSWORD_MIN_LENGTH) });
  if (!parsed.success) {
    const problems: Record<string, string> = {};
    for (const i of parsed.error.issues) problems[String(i.path[0] ?? 'user')] ??= i.message;
    throw new UserInputError(problems);
  }
  const u = parsed.data;
  const attrs = [`Name=email,Value=${u.email}`, 'Name=email_verified,Value=true', `Name=custom:trust_id,Value=${u.trustId}`, ...(u.schoolId ? [`Name=custom:school_id,Value=${u.schoolId}`] : [])];
  const pool = shellQuote(userPoolId);
  return [
    `aws cognito-idp admin-create-user --user-pool-id ${pool} --username ${shellQuote(u.email)} --user-attributes ${attrs.map(shellQuote).join(' ')} --desired-delivery-mediums EMAIL`,
    `aws cognito-idp admin-add-user-to-group --user-pool-id ${pool} --username ${shellQuote(u.email)} --group-name ${u.role}`,
  ];
}

export const DEMO_TRUST = 'demo-trust';

export interface DemoUsers {
  password: string;
  users: { email: string; role: Role; schoolId?: string }[];
}

/**
 * `npm start -- --demo`: one user per role for the demo trust (which must be imported first), all with
 * one password — a fresh random one each start unless given — so a person can sign in and try each view.
 */
export async function seedDemoUsers(deps: Deps, options: { password?: string } = {}): Promise<DemoUsers> {
  const password = options.password ?? `demo-${randomBytes(9).toString('base64url')}`;
  const users: DemoUsers['users'] = [
    { email: 'admin@fenland-trust.example', role: 'admin' },
    { email: 'central@fenland-trust.example', role: 'trust' },
    { email: 'head@northgate.example', role: 'head', schoolId: 'northgate-park' },
    { email: 'head@stbrendans.example', role: 'head', schoolId: 'st-brendans' },
  ];
  // Deliberately exempt from the forced password change, so the demo works in one step: the password is
  // printed in the start-up banner for the person running the demo, not issued to someone else.
  for (const u of users) await addUser(deps, { ...u, trustId: DEMO_TRUST, password }, { replace: true, mustChangePassword: false });
  return { password, users };
}

// ---- `cli user …` (parsing and output here, so bin/schoolwatch.ts only wires it)

export type UserCommand =
  | { sub: 'add'; email: string; role: string; trustId: string; schoolId?: string; replace: boolean }
  | { sub: 'list'; trustId?: string }
  | { sub: 'disable' | 'enable'; email: string };

export const USER_HELP = `  user add EMAIL --role head|trust|admin --trust T [--school S] [--replace]
                             add a web user (local sign-in); the password is read from stdin
  user list [--trust T]      list users (never their passwords)
  user disable|enable EMAIL  stop (or restore) a user's access; their sign-in stops working at once`;

/** Parses `user …` arguments. Throws UserInputError with a usage hint. */
export function parseUserCommand(args: string[]): UserCommand {
  const [sub, ...rest] = args;
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--replace') flags.replace = true;
    else if (a.startsWith('--')) {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UserInputError({ [a.slice(2)]: `${a} needs a value` });
      flags[a.slice(2)] = value;
      i++;
    } else positional.push(a);
  }
  const known = new Set(['role', 'trust', 'school', 'replace']);
  for (const f of Object.keys(flags)) if (!known.has(f)) throw new UserInputError({ [f]: `unknown option --${f}\n${USER_HELP}` });
  const s = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
  if (sub === 'add') {
    const email = positional[0];
    if (!email || !s('role') || !s('trust')) throw new UserInputError({ usage: `user add EMAIL --role head|trust|admin --trust T [--school S]\n${USER_HELP}` });
    return { sub, email, role: s('role')!, trustId: s('trust')!, schoolId: s('school'), replace: flags.replace === true };
  }
  if (sub === 'list') return { sub, trustId: s('trust') };
  if ((sub === 'disable' || sub === 'enable') && positional[0]) return { sub, email: positional[0] };
  throw new UserInputError({ usage: `\n${USER_HELP}` });
}

/** The command-line option each field is given with, so CLI messages name what to type. */
const CLI_FLAGS: Record<string, string> = { email: 'EMAIL', role: '--role', trustId: '--trust', schoolId: '--school', password: 'the password (stdin)' };

/** Runs a parsed `user` command and returns what to print. Problems are restated in terms of the options. */
export async function runUserCommand(deps: Deps, cmd: UserCommand, password?: string): Promise<string> {
  try {
    return await runUser(deps, cmd, password);
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    throw new UserInputError(Object.fromEntries(Object.entries(err.problems).map(([k, v]) => [CLI_FLAGS[k] ?? k, v])));
  }
}

async function runUser(deps: Deps, cmd: UserCommand, password?: string): Promise<string> {
  if (cmd.sub === 'add') {
    // The operator typed this password for someone else: they choose their own at first sign-in.
    const u = await addUser(deps, { email: cmd.email, role: cmd.role as Role, trustId: cmd.trustId, schoolId: cmd.schoolId, password: password ?? '' }, { replace: cmd.replace, mustChangePassword: true });
    return `${cmd.replace ? 'Saved' : 'Added'} ${u.email}: ${u.role} of ${u.trustId}${u.schoolId ? `/${u.schoolId}` : ''}. They can sign in at /auth/login and must then choose their own password.`;
  }
  if (cmd.sub === 'list') {
    const users = await listUsers(deps, cmd.trustId);
    if (users.length === 0) return 'No users yet. Add one with: npm run -s cli -- user add EMAIL --role admin --trust T';
    return users.map((u) => `${u.email}\t${u.role}\t${u.trustId}${u.schoolId ? `/${u.schoolId}` : ''}\t${u.disabled ? 'disabled' : 'active'}${u.mustChangePassword ? '\tmust change password' : ''}${u.note ? `\t${u.note}` : ''}`).join('\n');
  }
  const u = await setUserDisabled(deps, cmd.email, cmd.sub === 'disable');
  return `${u.email} is now ${u.disabled ? 'disabled' : 'active'}.`;
}

/**
 * The password for `user add`: the first line of stdin (so `printf '%s\n' "$PW" | … user add …` works).
 * On a terminal it prompts on stderr and does not echo what is typed.
 */
export async function readPassword(stdin: NodeJS.ReadStream = process.stdin, prompt = 'Password: '): Promise<string> {
  const { createInterface } = await import('node:readline');
  const tty = stdin.isTTY === true;
  if (tty) process.stderr.write(prompt);
  const rl = createInterface({ input: stdin, output: tty ? process.stderr : undefined, terminal: tty });
  if (tty) (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  try {
    for await (const line of rl) return line.replace(/\r$/, '');
    return '';
  } finally {
    rl.close();
    if (tty) process.stderr.write('\n');
  }
}
