/**
 * @module services/demo-data/demo-data
 * Creates the synthetic demo organisation — one program per seed jurisdiction, one user per role, and the 837
 * settings of every payer its programs bill — with fresh random passwords returned once to the caller (who
 * prints them). Everything else comes from the
 * seeded synthetic generator, so the same seed gives the same organisation every time.
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Role } from '../../shared/roles.js';
import type { Database } from '../../store/index.js';
import type { PayerPackId } from '../../shared/programs.js';
import {
  createRng,
  DEMO_SEED,
  demoOrganisation,
  demoUsers,
  formatDisplayName,
  syntheticPersonName,
  type Seed,
} from '../../synthetic/index.js';
import { hashPassword } from '../auth/index.js';
import type { ServiceContext } from '../context.js';
import { conflict } from '../errors.js';
import { insertOrganisation } from '../organisations/index.js';
import { insertUser, recordUserCreatedBySystem } from '../users/index.js';
import { createDemoFeeSchedule } from './demo-fees.js';
import { createDemoPayerSettings } from './demo-billing.js';
import { createDemoCarePlans } from './demo-care-plans.js';
import { createDemoGroup } from './demo-groups.js';
import { createDemoMembers } from './demo-members.js';
import { createDemoNotes, createDemoPlanOfCareNotes } from './demo-notes.js';
import { createDemoStaff } from './demo-staff.js';

export interface DemoLogin {
  role: Role;
  email: string;
  displayName: string;
  password: string;
  /**
   * For the peers certified outside California: the state whose program they serve ('NC', 'KS'). North
   * Carolina's audio-only consent and Kansas' family coordination are theirs to show.
   */
  state?: string;
}

export interface DemoDataResult {
  organisationId: string;
  organisationName: string;
  logins: DemoLogin[];
}

/** A password from the operating system's CSPRNG: 16 bytes, base64url — never on a common list. */
export function randomPassword(): string {
  return `pl-${randomBytes(16).toString('base64url')}`;
}

export async function createDemoData(
  ctx: ServiceContext,
  options: { seed?: Seed; password?: (role: Role) => string } = {},
): Promise<DemoDataResult> {
  const seed = options.seed ?? DEMO_SEED;
  const organisation = demoOrganisation(seed);
  const users = demoUsers(seed);
  const logins: DemoLogin[] = users.map((user) => {
    const role = user.roles[0] ?? 'peer';
    return {
      role,
      email: user.email,
      displayName: user.displayName,
      password: (options.password ?? randomPassword)(role),
    };
  });
  const hashes = await Promise.all(logins.map((login) => hashPassword(login.password)));
  const statePeerLogins = STATE_PEERS.map((statePeer) => ({
    ...statePeer,
    password: (options.password ?? randomPassword)('peer'),
  }));
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('users')
      .select('email')
      .where(
        'email',
        'in',
        logins.map((login) => login.email),
      )
      .executeTakeFirst();
    if (existing !== undefined) {
      throw conflict(
        'demo_data.exists',
        `Demo data is already in this database (${existing.email} exists). Nothing was changed.`,
        [],
      );
    }
    const organisationId = await insertOrganisation(trx, {
      name: organisation.name,
      taxId: organisation.taxId,
      programs: organisation.programs,
    });
    const now = ctx.clock.now();
    const userIds = new Map<Role, string>();
    for (const [index, login] of logins.entries()) {
      const row = await insertUser(trx, now, {
        organisationId,
        email: login.email,
        displayName: login.displayName,
        roles: users[index]?.roles ?? [login.role],
        passwordHash: hashes[index] ?? '',
      });
      await recordUserCreatedBySystem(trx, ctx.clock, {
        organisationId,
        userId: row.id,
        roles: [login.role],
        via: 'demo-data',
      });
      userIds.set(login.role, row.id);
    }
    await createDemoPayerSettings(
      trx,
      { id: organisationId, name: organisation.name, taxId: organisation.taxId },
      organisation.programs.flatMap((program) => program.payerPacks),
      { now: ctx.clock.now(), seed },
    );
    const feeKeeper = userIds.get('billing') ?? userIds.get('admin');
    if (feeKeeper === undefined) throw new Error('the demo has no billing or admin user to keep its fees');
    await createDemoFeeSchedule(
      trx,
      organisationId,
      organisation.programs.flatMap((program) => program.payerPacks),
      { keeperId: feeKeeper, now: ctx.clock.now() },
    );
    const statePeers = await createDemoDocumentation(
      trx,
      ctx,
      organisationId,
      seed,
      userIds,
      statePeerLogins,
    );
    return {
      organisationId,
      organisationName: organisation.name,
      logins: [...logins, ...statePeers.map((statePeer) => statePeer.login)],
    };
  });
}

/**
 * The demo's day-to-day records, built on the demo users: staff credentials, a caseload per program, plans of
 * care, notes in every state (co-signed, waiting for review, returned, draft, overdue), Los Angeles members'
 * Plan of Care notes and a group session.
 */
async function createDemoDocumentation(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  organisationId: string,
  seed: Seed,
  userIds: ReadonlyMap<Role, string>,
  statePeerLogins: readonly StatePeerLogin[],
): Promise<StatePeer[]> {
  const peerId = userIds.get('peer');
  const supervisorId = userIds.get('supervisor');
  if (peerId === undefined || supervisorId === undefined) {
    throw new Error('The demo needs a peer and a supervisor.');
  }
  const now = ctx.clock.now();
  const statePeers = await createDemoStatePeers(trx, ctx, organisationId, seed, statePeerLogins);
  await createDemoStaff(trx, organisationId, { peerId, supervisorId, statePeers }, { now, seed });
  const programs = await trx
    .selectFrom('programs')
    .select(['id', 'payer_packs', 'time_zone'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  const billingId = userIds.get('billing');
  const created = await createDemoMembers(
    trx,
    organisationId,
    programs.map((program) => ({ id: program.id, payerPacks: program.payer_packs })),
    { peerId, supervisorId, ...(billingId === undefined ? {} : { billingId }) },
    { now, seed },
  );
  // Members of the North Carolina and Kansas programs are served by the peer certified in that state.
  const members = [];
  for (const member of created) {
    const packs = programs.find((program) => program.id === member.programId)?.payer_packs ?? [];
    const statePeer = statePeers.find((candidate) => packs.includes(candidate.payerPack));
    if (statePeer === undefined) {
      members.push(member);
      continue;
    }
    await trx
      .updateTable('members')
      .set({ assigned_peer_id: statePeer.userId })
      .where('id', '=', member.id)
      .execute();
    members.push({ ...member, assignedPeerId: statePeer.userId });
  }
  await createDemoCarePlans(
    trx,
    organisationId,
    members.map((member) => member.id),
    peerId,
    supervisorId,
    { now },
  );
  const peersMembers = members.filter((member) => member.assignedPeerId === peerId);
  const notePrograms = programs.map((program) => ({ id: program.id, timeZone: program.time_zone }));
  // The group runs in a California program, where the demo peer who leads it is certified.
  const groupProgram = programs.find(
    (program) => !statePeers.some((statePeer) => program.payer_packs.includes(statePeer.payerPack)),
  );
  const attendees =
    groupProgram === undefined ? [] : members.filter((member) => member.programId === groupProgram.id);
  // Los Angeles members with notes (the peer's caseload, the group's attendees) get their Plan of Care note
  // first: the other notes are judged as they are written, and in LA a service before it is held.
  await createDemoPlanOfCareNotes(
    trx,
    organisationId,
    [...new Set([...peersMembers, ...attendees].map((member) => member.id))],
    peerId,
    supervisorId,
    notePrograms,
    ctx.clock,
  );
  await createDemoNotes(
    trx,
    organisationId,
    peersMembers.map((member) => member.id),
    peerId,
    supervisorId,
    notePrograms,
    ctx.clock,
  );
  if (groupProgram === undefined) return statePeers;
  await createDemoGroup(
    trx,
    organisationId,
    groupProgram.id,
    attendees.map((member) => member.id),
    [peerId, supervisorId],
    ctx.clock,
  );
  return statePeers;
}

/** The demo's peers outside California, by the pack whose state certification they hold. */
const STATE_PEERS = [
  { payerPack: 'nc-wellcare', certificationType: 'north_carolina_peer', email: 'peer.nc', state: 'NC' },
  { payerPack: 'ks-pahp', certificationType: 'kansas_peer', email: 'peer.ks', state: 'KS' },
] as const;

type StatePeerLogin = (typeof STATE_PEERS)[number] & { password: string };

interface StatePeer {
  userId: string;
  payerPack: PayerPackId;
  certificationType: (typeof STATE_PEERS)[number]['certificationType'];
  login: DemoLogin;
}

/**
 * Peer users for the North Carolina and Kansas programs, whose logins are printed with the others: their
 * members are the ones whose payers' rules (audio-only consent, family coordination) the demo shows.
 */
async function createDemoStatePeers(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  organisationId: string,
  seed: Seed,
  statePeerLogins: readonly StatePeerLogin[],
): Promise<StatePeer[]> {
  const rng = createRng(seed).fork('state-peers');
  const result: StatePeer[] = [];
  for (const statePeer of statePeerLogins) {
    const email = `${statePeer.email}@demo.peerline.test`;
    const displayName = formatDisplayName(syntheticPersonName(rng.fork(statePeer.email)));
    const row = await insertUser(trx, ctx.clock.now(), {
      organisationId,
      email,
      displayName,
      roles: ['peer'],
      passwordHash: await hashPassword(statePeer.password),
    });
    await recordUserCreatedBySystem(trx, ctx.clock, {
      organisationId,
      userId: row.id,
      roles: ['peer'],
      via: 'demo-data',
    });
    result.push({
      userId: row.id,
      payerPack: statePeer.payerPack,
      certificationType: statePeer.certificationType,
      login: { role: 'peer', email, displayName, password: statePeer.password, state: statePeer.state },
    });
  }
  return result;
}

/** True when the database holds no organisation yet (a fresh embedded database). */
export async function isEmptyDatabase(ctx: Pick<ServiceContext, 'db'>): Promise<boolean> {
  const row = await ctx.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** The console text that shows demo logins once. */
export function formatDemoLogins(result: DemoDataResult, url: string): string {
  const width = Math.max(...result.logins.map((login) => login.email.length));
  // A state peer reads "peer (NC)": the peer who serves that state's members.
  const lines = result.logins.map(
    (login) =>
      `  ${(login.state === undefined ? login.role : `${login.role} (${login.state})`).padEnd(11)} ${login.email.padEnd(width)}  ${login.password}`,
  );
  return [
    '',
    `Created the synthetic demo organisation "${result.organisationName}".`,
    `Sign in at ${url} with one of these logins (shown only this once; an admin can reset them):`,
    '',
    ...lines,
    '',
  ].join('\n');
}
