/**
 * @module services/billing/authorizations
 * Prior authorizations: billing staff record what the payer approved (member, code and modifiers, units, dates,
 * number, and the program when the payer named one);
 * billing runs burn them down as lines use them; the worklist shows those about to run out or end.
 * Units used are always counted from the claim lines that cite the authorization, never stored apart, so the
 * count cannot drift from what was billed.
 */
import type { Kysely } from 'kysely';
import type { AuthorizationView, NewAuthorization } from '../../shared/api/billing.js';
import type { Database } from '../../store/index.js';
import { isUniqueViolation } from '../../store/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { conflict, notFound, requireRole } from '../errors.js';
import { requirePayerPack, requireProgramBilling } from '../payer-packs/index.js';
import { addDays } from '../../engine/index.js';
import { AUTHORIZATION_COLUMNS, usedUnitsOf } from '../claims/index.js';
import { BILLING_ROLES } from './run.js';

/** Who may read authorizations: billing staff and admins record them; supervisors see their members'. */
const AUTHORIZATION_READERS = ['billing', 'admin', 'supervisor'] as const;

/** An authorization runs out when less than this share of its units is left… */
const RUNNING_OUT_SHARE = 0.2;
/** …or ends within this many days. */
const ENDING_WITHIN_DAYS = 30;

function authorizationsWithUse(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('authorizations as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .leftJoin('programs as p', 'p.id', 'a.program_id')
    .select([
      ...AUTHORIZATION_COLUMNS,
      'p.name as program_name',
      'm.first_name',
      'm.last_name',
      'm.preferred_name',
      (eb) => usedUnitsOf(eb).as('used_units'),
    ])
    .where('a.organisation_id', '=', organisationId);
}

type AuthorizationWithUseRow = Awaited<
  ReturnType<ReturnType<typeof authorizationsWithUse>['execute']>
>[number];

function toView(row: AuthorizationWithUseRow): AuthorizationView {
  const used = Number(row.used_units ?? 0);
  return {
    id: row.id,
    member: {
      id: row.member_id,
      displayName: `${row.preferred_name ?? row.first_name} ${row.last_name}`,
    },
    payerPack: row.payer_pack,
    number: row.number,
    code: row.code,
    modifiers: row.modifiers,
    program: row.program_id === null ? null : { id: row.program_id, name: row.program_name ?? '' },
    units: row.units,
    usedUnits: used,
    remainingUnits: row.units - used,
    from: row.valid_from,
    to: row.valid_to,
  };
}

/**
 * Records a prior authorization for a member of the organisation.
 *
 * @param input - parsed with `NewAuthorizationSchema`; without modifiers, it covers individual services only
 * @throws ServiceError `forbidden` unless billing staff or an admin; `not_found` for a member of another
 *   organisation; `invalid` (path `body.programId`) for a program not of the organisation or not billing the
 *   payer; `conflict` when the payer's number is already recorded
 */
export async function addAuthorization(
  ctx: ServiceContext,
  actor: Actor,
  input: Omit<NewAuthorization, 'modifiers'> & Partial<Pick<NewAuthorization, 'modifiers'>>,
): Promise<AuthorizationView> {
  requireRole(actor, BILLING_ROLES);
  requirePayerPack(input.payerPack, ['body', 'payerPack']);
  return ctx.db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom('members')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', input.memberId)
      .executeTakeFirst();
    if (member === undefined) throw notFound('member');
    if (input.programId !== undefined) {
      await requireProgramBilling(
        trx,
        actor.organisationId,
        input.programId,
        input.payerPack,
        ['body', 'programId'],
        {
          codePrefix: 'authorization',
          withoutProgram: 'cover any program',
          uselessBecause: 'an authorization from that payer would never cover its notes',
        },
      );
    }
    let id: string;
    try {
      const row = await trx
        .insertInto('authorizations')
        .values({
          organisation_id: actor.organisationId,
          member_id: input.memberId,
          payer_pack: input.payerPack,
          number: input.number,
          code: input.code,
          modifiers: input.modifiers ?? [],
          program_id: input.programId ?? null,
          units: input.units,
          valid_from: input.from,
          valid_to: input.to,
          created_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(
          'authorization.duplicate',
          `Authorization ${input.number} is already recorded for this payer. Check the number, or find it on the authorizations list.`,
          ['body', 'number'],
        );
      }
      throw error;
    }
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'authorization.create', { type: 'member', id: input.memberId }, 'success', {
        authorizationId: id,
      }),
    );
    const row = await authorizationsWithUse(trx, actor.organisationId)
      .where('a.id', '=', id)
      .executeTakeFirstOrThrow();
    return toView(row);
  });
}

/** The organisation's authorizations (one member's, when asked), latest ending first, with units used. */
export async function listAuthorizations(
  ctx: ServiceContext,
  actor: Actor,
  query: { memberId?: string | undefined },
): Promise<AuthorizationView[]> {
  requireRole(actor, AUTHORIZATION_READERS);
  return ctx.db.transaction().execute(async (trx) => {
    let select = authorizationsWithUse(trx, actor.organisationId);
    if (query.memberId !== undefined) select = select.where('a.member_id', '=', query.memberId);
    const rows = await select.orderBy('a.valid_to', 'desc').orderBy('a.number').limit(1000).execute();
    if (query.memberId !== undefined) {
      await recordAudit(
        trx,
        ctx.clock,
        actorEntry(actor, 'authorization.list', { type: 'member', id: query.memberId }),
      );
    }
    return rows.map(toView);
  });
}

/**
 * Authorizations still in force on `today` that are about to run out: under a fifth of their units left, or
 * ending within 30 days.
 */
export async function authorizationsRunningOut(
  db: Kysely<Database>,
  organisationId: string,
  today: string,
): Promise<AuthorizationView[]> {
  const rows = await authorizationsWithUse(db, organisationId)
    .where('a.valid_to', '>=', today)
    .orderBy('a.valid_to')
    .limit(500)
    .execute();
  const soon = addDays(today, ENDING_WITHIN_DAYS);
  return rows
    .map(toView)
    .filter((view) => view.to <= soon || view.remainingUnits < view.units * RUNNING_OUT_SHARE);
}
