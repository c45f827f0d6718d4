/**
 * @module services/staff/community-contacts
 * Kansas: "The majority of PS contacts must occur in community locations where the person lives, works, attends
 * school, and/or socializes" (003 Definition). No single claim can break a rule about all contacts, so a pack
 * holds such a rule as the setting `minCommunityContactShare` and no claim rule reads it [choice]; here it
 * becomes a warning on the staff member's compliance status, measured on their own recent notes. Every pack
 * with the setting is measured this way (ks-pahp today; a pack file may add another), each on its own setting.
 *
 * What counts, and why:
 * - Contacts are the peer's signed notes, group ones included (December 2026 review: "the metric counts group
 *   contacts too"): a group writes one note for each member who attended, so each attendee is one contact, in
 *   the place the group met.
 * - Only notes in programs that bill the pack, with a date of service in the 90 days ending on the date
 *   judged: recent enough that the peer can act on it, long enough to hold a fair number of contacts.
 * - A contact is in the community when the note says the member was in the community (`member_location =
 *   'community'`), or when its place of service is one of `COMMUNITY_PLACES_OF_SERVICE`: the CMS codes for
 *   where a person lives, works, attends school or is met on the street. Either is enough: a note may fill in
 *   one and not the other.
 * - "The majority" is more than the setting's share (0.5): exactly half is not a majority, so it warns too.
 * - With no such notes there is nothing to measure, so no warning.
 */
import { sql, type Kysely } from 'kysely';
import { addDays, type Pack } from '../../engine/index.js';
import type { Problem, ProblemSource } from '../../shared/problem.js';
import type { Database } from '../../store/index.js';

/** The setting that makes a pack measure community contacts. */
const SETTING = 'minCommunityContactShare';

/** The finding's code: a staff finding of the pack, though no pack rule has this id (the setting is read here). */
export function communityContactsCode(pack: Pack): string {
  return `${pack.id}.staff.community_contacts`;
}

/** Whether the pack measures community contacts: it has the setting `minCommunityContactShare`. */
export function measuresCommunityContacts(pack: Pack): boolean {
  return pack.settings[SETTING] !== undefined;
}

/** Days of notes measured, ending on the date judged (inclusive). */
export const COMMUNITY_WINDOW_DAYS = 90;

/**
 * CMS places of service where a person lives, works, attends school or socializes (rules-research.md §d):
 * 03 school, 04 homeless shelter, 12 home, 13 assisted living, 14 group home, 16 temporary lodging,
 * 18 place of employment, 27 outreach site / street.
 */
export const COMMUNITY_PLACES_OF_SERVICE: readonly string[] = [
  '03',
  '04',
  '12',
  '13',
  '14',
  '16',
  '18',
  '27',
];

/** One peer's contacts in the window, in the programs billing one pack. */
export interface CommunityContacts {
  total: number;
  inCommunity: number;
}

/**
 * Counts each user's signed notes (each group attendee's included) in `programIds` with a date of service in
 * the window ending on `asOf`, and how many of them were in the community (see the module comment).
 */
export async function communityContactsOf(
  db: Kysely<Database>,
  organisationId: string,
  userIds: readonly string[],
  programIds: readonly string[],
  asOf: string,
): Promise<Map<string, CommunityContacts>> {
  const counts = new Map<string, CommunityContacts>();
  if (userIds.length === 0 || programIds.length === 0) {
    return counts;
  }
  const rows = await db
    .selectFrom('service_notes')
    .select((eb) => [
      'author_id',
      eb.fn.countAll<string>().as('total'),
      sql<string>`count(*) filter (where ${eb.or([
        eb('member_location', '=', 'community'),
        eb('place_of_service', 'in', [...COMMUNITY_PLACES_OF_SERVICE]),
      ])})`.as('in_community'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('author_id', 'in', [...userIds])
    .where('program_id', 'in', [...programIds])
    .where('status', '=', 'signed')
    .where('date_of_service', '>', addDays(asOf, -COMMUNITY_WINDOW_DAYS))
    .where('date_of_service', '<=', asOf)
    .groupBy('author_id')
    .execute();
  for (const row of rows) {
    counts.set(row.author_id, { total: Number(row.total), inCommunity: Number(row.in_community) });
  }
  return counts;
}

/**
 * The pack's `minCommunityContactShare` (the share a majority must exceed) and the line it cites.
 *
 * @throws Error when the pack lacks the setting, its number or its citation: a defect of the pack
 */
export function communityContactSetting(pack: Pack): { minimum: number; source: ProblemSource } {
  const setting = pack.settings[SETTING];
  if (setting === undefined || typeof setting.value !== 'number' || setting.citation === undefined) {
    throw new Error(`pack ${pack.id} has no cited number in its ${SETTING} setting`);
  }
  const { document, section, quote } = setting.citation;
  return { minimum: setting.value, source: { document, section, quote } };
}

/**
 * The warning for a peer whose community share under `pack` (a pack with the setting) is not above the setting,
 * or null when it is (or when there are no contacts to measure).
 */
export function communityContactProblem(
  pack: Pack,
  contacts: CommunityContacts | undefined,
  asOf: string,
): Problem | null {
  if (contacts === undefined || contacts.total === 0) {
    return null;
  }
  const { minimum, source } = communityContactSetting(pack);
  const share = contacts.inCommunity / contacts.total;
  if (share > minimum) {
    return null;
  }
  const from = addDays(asOf, -COMMUNITY_WINDOW_DAYS + 1);
  return {
    severity: 'warning',
    code: communityContactsCode(pack),
    message: `From ${from} to ${asOf}, ${String(contacts.inCommunity)} of your ${String(contacts.total)} contacts with members in ${pack.name} programs (${percent(share)}) were in the community (each signed note counts, a group’s once for each member who attended). ${pack.name} expects more than ${percent(minimum)} of peer support contacts in the community, where the person lives, works, attends school or socializes: meet members there rather than in the office where you can, and record where they were.`,
    path: ['staff', 'communityContacts'],
    source,
  };
}

function percent(share: number): string {
  return `${String(Math.round(share * 100))}%`;
}
