/**
 * @module testing/fixtures
 * Test organisations with one user per requested role, built through the same service code as demo data.
 * Emails are unique per call, so many organisations can share one database, as tenants do in production.
 */
import type { Role } from '../shared/roles.js';
import type { Actor } from '../services/context.js';
import { hashPassword } from '../services/auth/index.js';
import type { ServiceContext } from '../services/context.js';
import { createDemoFeeSchedule } from '../services/demo-data/demo-fees.js';
import { insertOrganisation } from '../services/organisations/index.js';
import { insertUser } from '../services/users/index.js';
import { demoOrganisation } from '../synthetic/index.js';

/** The password every fixture user has. */
export const FIXTURE_PASSWORD = 'correct horse battery staple';

export interface FixtureUser {
  id: string;
  email: string;
  roles: Role[];
}

export interface FixtureOrganisation {
  id: string;
  name: string;
  users: Record<Role, FixtureUser>;
}

let fixtureCounter = 0;
let fixtureHash: Promise<string> | undefined;

/**
 * An organisation like the demo's: its programs, one user per role and — unless `feeSchedule` is false — the
 * demo's fee schedule, so its notes bill at a price as the demo's do.
 */
export async function createFixtureOrganisation(
  ctx: ServiceContext,
  label = 'org',
  options: { feeSchedule?: boolean } = {},
): Promise<FixtureOrganisation> {
  fixtureCounter += 1;
  const tag = `${label}${fixtureCounter}-${Math.random().toString(36).slice(2, 7)}`;
  fixtureHash ??= hashPassword(FIXTURE_PASSWORD);
  const passwordHash = await fixtureHash;
  const template = demoOrganisation(tag);
  return ctx.db.transaction().execute(async (trx) => {
    const name = `Fixture ${tag} (demo)`;
    const id = await insertOrganisation(trx, { name, taxId: template.taxId, programs: template.programs });
    const roles: Role[] = ['peer', 'supervisor', 'clinician', 'billing', 'admin'];
    const users = {} as Record<Role, FixtureUser>;
    for (const role of roles) {
      const email = `${role}.${tag}@fixtures.peerline.test`;
      const row = await insertUser(trx, ctx.clock.now(), {
        organisationId: id,
        email,
        displayName: `${role} ${tag}`,
        roles: [role],
        passwordHash,
      });
      users[role] = { id: row.id, email, roles: [role] };
    }
    if (options.feeSchedule !== false) {
      await createDemoFeeSchedule(
        trx,
        id,
        template.programs.flatMap((program) => program.payerPacks),
        { keeperId: users.billing.id, now: ctx.clock.now() },
      );
    }
    return { id, name, users };
  });
}

/** The fixture user holding `role`, as the actor a use case runs for (no client address). */
export function fixtureActor(organisation: FixtureOrganisation, role: Role): Actor {
  const user = organisation.users[role];
  return { userId: user.id, email: user.email, organisationId: organisation.id, roles: [role], ip: null };
}
