/**
 * The one 837 export (`export837Stream`, behind both the API and `peerline claims export`) on the real database
 * (PGlite, and PostgreSQL with TEST_DATABASE_URL): files of one interchange, one program and at most N claims,
 * each stored as a batch with its claims batched; a page the writer refuses stops the export naming each
 * claim's problems, keeping the files before it and leaving that page and the rest ready. A claim's file
 * carries what the claim was judged with — the member's id with the payer and the diagnoses — even when the
 * member's record changed after billing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayerPackId } from '../../shared/programs.js';
import type { Role } from '../../shared/roles.js';
import {
  ManualClock,
  complete837Records,
  createDocumentationFixture,
  fixtureActor,
  insertApprovedPlan,
  insertSignedNote,
  kindOf,
  openTestStore,
  testContext,
  testDatabaseKind,
  testPayerSettings,
  type DocumentationFixture,
  type FixtureMember,
  type TestStore,
} from '../../testing/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import {
  batchFile,
  export837Stream,
  processBillingRun,
  savePayerSettings,
  startBillingRun,
  type Export837Open,
} from './index.js';

let store: TestStore;
let ctx: ServiceContext;
let fixture: DocumentationFixture;
/** Medi-Cal members of two programs (Alameda and Los Angeles): their claims go into separate files. */
let alameda: FixtureMember;
let losAngeles: FixtureMember;

const actorOf = (role: Role): Actor => fixtureActor(fixture, role);

function memberOfProgramBilling(pack: PayerPackId): FixtureMember {
  const program = fixture.programs.find((each) => each.payerPacks.includes(pack));
  const found = fixture.members.find((each) => each.programId === program?.id);
  if (found === undefined) throw new Error(`the fixture has no program billing ${pack}`);
  return found;
}

/** Files as they reached their sinks, by file name. */
function collectingSink(files: Map<string, string>): Export837Open {
  return (file) => {
    const chunks: string[] = [];
    return {
      write: (chunk) => {
        chunks.push(chunk);
      },
      close: () => {
        files.set(file.fileName, chunks.join(''));
      },
    };
  };
}

function claimsOf(status: 'ready' | 'batched') {
  return store.db
    .selectFrom('claims')
    .select(['id', 'program_id', 'member_id', 'date_of_service', 'batch_id'])
    .where('organisation_id', '=', fixture.id)
    .where('status', '=', status)
    .orderBy('date_of_service')
    .execute();
}

function segmentsOf(content: string, tag: string): string[][] {
  return content
    .split('~')
    .map((segment) => segment.split('*'))
    .filter((elements) => elements[0] === tag);
}

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock('2026-11-30T18:00:00Z'));
  fixture = await createDocumentationFixture(ctx, 'export');
  alameda = memberOfProgramBilling('ca-acbhd');
  losAngeles = memberOfProgramBilling('ca-la-sapc');
  for (const member of [alameda, losAngeles]) {
    await insertApprovedPlan(store.db, fixture, member, '2026-01-01');
  }
  for (const date of ['2026-11-02', '2026-11-03']) {
    await insertSignedNote(store.db, fixture, alameda, { date });
  }
  // The supervisor, also a certified peer, writes the Alameda member's third note.
  await insertSignedNote(store.db, fixture, alameda, {
    date: '2026-11-04',
    authorId: fixture.users.supervisor.id,
  });
  for (const date of ['2026-11-02', '2026-11-05']) {
    await insertSignedNote(store.db, fixture, losAngeles, { date });
  }
  const run = await startBillingRun(ctx, actorOf('billing'), { from: '2026-11-01', to: '2026-11-30' });
  expect((await processBillingRun(ctx, actorOf('billing'), run.id)).claimsCreated).toBe(5);
  await complete837Records(store.db, fixture, [alameda.id, losAngeles.id]);
});

afterAll(async () => {
  await store.dispose();
});

describe(`the 837 export on ${testDatabaseKind()}`, () => {
  it('refuses without the payer’s settings, a program that is not a program, or a page size below one', async () => {
    const noSettings = await export837Stream(ctx, actorOf('billing'), 'ca-dhcs').catch(
      (error: unknown) => error,
    );
    expect(noSettings).toBeInstanceOf(ServiceError);
    expect((noSettings as ServiceError).problems[0]?.code).toBe('batch.no_payer_settings');
    await savePayerSettings(ctx, actorOf('billing'), testPayerSettings('ca-dhcs'));
    expect(
      await kindOf(export837Stream(ctx, actorOf('billing'), 'ca-dhcs', undefined, { programId: 'nope' })),
    ).toBe('not_found');
    await expect(
      export837Stream(ctx, actorOf('billing'), 'ca-dhcs', undefined, { claimsPerFile: 0 }),
    ).rejects.toThrow(RangeError);
    expect(await kindOf(export837Stream(ctx, actorOf('peer'), 'ca-dhcs'))).toBe('forbidden');
    expect(await claimsOf('ready')).toHaveLength(5);
  });

  it('stops at a page the writer refuses, naming each claim’s problem; earlier files stay, that page and the rest stay ready', async () => {
    // The Alameda member's third claim is the supervisor's, who has no NPI on file yet: that claim has none.
    const files = new Map<string, string>();
    const refused = await export837Stream(ctx, actorOf('billing'), 'ca-dhcs', collectingSink(files), {
      claimsPerFile: 2,
    }).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(ServiceError);
    const { kind, problems } = refused as ServiceError;
    expect(kind).toBe('conflict');
    const ready = await claimsOf('ready');
    const withoutNpi = ready.find(
      (claim) => claim.member_id === alameda.id && claim.date_of_service === '2026-11-04',
    );
    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['x12.value.required', ['claims', withoutNpi?.id, 'renderingProvider', 'npi']],
    ]);
    expect(problems[0]?.message).toMatch(/^Claim PL\d+ \(Fixture Member \d+, 2026-11-04\): /);

    // Programs go in id order: the Alameda program's first page (two claims) is written either way, the Los
    // Angeles program's page only when it comes first.
    const losAngelesFirst = losAngeles.programId < alameda.programId;
    const batched = await claimsOf('batched');
    expect(
      batched.filter((claim) => claim.member_id === alameda.id).map((claim) => claim.date_of_service),
    ).toEqual(['2026-11-02', '2026-11-03']);
    expect(batched.filter((claim) => claim.member_id === losAngeles.id)).toHaveLength(
      losAngelesFirst ? 2 : 0,
    );
    expect(ready).toHaveLength(losAngelesFirst ? 1 : 3);
    expect(files.size).toBe(losAngelesFirst ? 2 : 1);
    // The files that reached a sink are recorded batches, their content as stored.
    for (const batchId of new Set(batched.map((claim) => claim.batch_id))) {
      const stored = await batchFile(ctx, actorOf('billing'), batchId ?? '');
      expect(files.get(stored.fileName)).toBe(stored.content);
    }
  });

  it('once the claim is put right, writes the rest: one interchange, one program and at most N claims a file', async () => {
    // The NPI is not judged by the payer's rules: it is read when the file is written, so it can be entered
    // after billing.
    await store.db
      .updateTable('staff_profiles')
      .set({ npi: '9234567813' })
      .where('user_id', '=', fixture.users.supervisor.id)
      .execute();
    const files = new Map<string, string>();
    // One program first, then the payer's whole rest.
    const ofLosAngeles = await export837Stream(ctx, actorOf('billing'), 'ca-dhcs', collectingSink(files), {
      programId: losAngeles.programId,
      claimsPerFile: 2,
    });
    const rest = await export837Stream(ctx, actorOf('billing'), 'ca-dhcs', collectingSink(files), {
      claimsPerFile: 2,
    });
    const made = [...ofLosAngeles.batches, ...rest.batches];
    expect(made.length).toBeGreaterThan(0);
    expect(await claimsOf('ready')).toEqual([]);

    const batched = await claimsOf('batched');
    expect(batched).toHaveLength(5);
    const programs = await store.db
      .selectFrom('programs')
      .select(['id', 'npi'])
      .where('organisation_id', '=', fixture.id)
      .execute();
    for (const batch of made) {
      const content = files.get(batch.fileName) ?? '';
      expect((await batchFile(ctx, actorOf('billing'), batch.id)).content).toBe(content);
      expect(segmentsOf(content, 'ISA')).toHaveLength(1);
      expect(segmentsOf(content, 'IEA')).toHaveLength(1);
      const claimsInFile = batched.filter((claim) => claim.batch_id === batch.id);
      expect(claimsInFile.length).toBeGreaterThan(0);
      expect(claimsInFile.length).toBeLessThanOrEqual(2);
      expect(segmentsOf(content, 'CLM')).toHaveLength(claimsInFile.length);
      expect(batch.claimCount).toBe(claimsInFile.length);
      // One program per file: its claims' program is the file's billing provider.
      const programIds = new Set(claimsInFile.map((claim) => claim.program_id));
      expect(programIds.size).toBe(1);
      const npi = programs.find((program) => programIds.has(program.id))?.npi;
      expect(segmentsOf(content, 'NM1').find((nm1) => nm1[1] === '85')?.[9]).toBe(npi);
    }
    const ofLosAngelesIds = new Set(ofLosAngeles.batches.map((batch) => batch.id));
    const writtenForLosAngeles = batched.filter((claim) => ofLosAngelesIds.has(claim.batch_id ?? ''));
    expect(writtenForLosAngeles.every((claim) => claim.member_id === losAngeles.id)).toBe(true);
    // Unless the refused export above already wrote them.
    expect(writtenForLosAngeles).toHaveLength(losAngeles.programId < alameda.programId ? 0 : 2);
    expect(ofLosAngeles.characters + rest.characters).toBe(
      made.reduce((sum, batch) => sum + (files.get(batch.fileName) ?? '').length, 0),
    );

    // Nothing is left to write.
    expect((await export837Stream(ctx, actorOf('billing'), 'ca-dhcs')).batches).toEqual([]);
  });

  it('writes what the claim was judged with, though the member’s coverage and diagnoses changed after billing', async () => {
    // Judged with the member's id as it stands and two diagnoses, the earliest recorded the principal.
    await insertSignedNote(store.db, fixture, alameda, { date: '2026-11-06' });
    await store.db
      .insertInto('diagnoses')
      .values({
        organisation_id: fixture.id,
        member_id: alameda.id,
        code: 'F41.1',
        description: 'Generalized anxiety disorder',
        category: 'mental_health',
        recorded_on: '2026-10-01',
      })
      .execute();
    const run = await startBillingRun(ctx, actorOf('billing'), { from: '2026-11-01', to: '2026-11-30' });
    expect((await processBillingRun(ctx, actorOf('billing'), run.id)).claimsCreated).toBe(1);
    const claim = await store.db
      .selectFrom('claims')
      .select(['claim_number', 'payer_member_id', 'diagnosis_codes', 'rendering_taxonomy'])
      .where('member_id', '=', alameda.id)
      .where('status', '=', 'ready')
      .executeTakeFirstOrThrow();
    expect(claim).toMatchObject({
      payer_member_id: alameda.medicaidId,
      diagnosis_codes: ['F33.1', 'F41.1'],
      rendering_taxonomy: '175T00000X',
    });

    // After billing the member's id with the payer is corrected, the first diagnosis resolved before the date
    // of service and another recorded: read again, the file would carry these instead.
    await store.db
      .updateTable('coverage_periods')
      .set({ member_number: 'ZZCHANGED01' })
      .where('member_id', '=', alameda.id)
      .execute();
    await store.db
      .updateTable('diagnoses')
      .set({ resolved_on: '2026-11-01' })
      .where('member_id', '=', alameda.id)
      .where('code', '=', 'F33.1')
      .execute();
    await store.db
      .insertInto('diagnoses')
      .values({
        organisation_id: fixture.id,
        member_id: alameda.id,
        code: 'F43.10',
        description: 'Post-traumatic stress disorder, unspecified',
        category: 'mental_health',
        recorded_on: '2026-11-02',
      })
      .execute();

    const files = new Map<string, string>();
    const { batches } = await export837Stream(ctx, actorOf('billing'), 'ca-dhcs', collectingSink(files));
    expect(batches).toHaveLength(1);
    const content = files.get(batches[0]?.fileName ?? '') ?? '';
    expect(segmentsOf(content, 'CLM').map((clm) => clm[1])).toEqual([`PL${claim.claim_number}`]);
    expect(segmentsOf(content, 'NM1').find((nm1) => nm1[1] === 'IL')?.[9]).toBe(alameda.medicaidId);
    expect(segmentsOf(content, 'HI')).toEqual([['HI', 'ABK:F331', 'ABF:F411']]);
  });
});
