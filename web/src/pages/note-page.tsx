/**
 * @module web/pages/note-page
 * One service note (`/notes/:noteId`). Its author writes the draft here: the form saves itself, the claim
 * preview beside it follows every change, and "Sign note" locks it (or lists what blocks signing, each
 * linked to its field). Once signed — or for anyone but the author — the note is read-only, with its
 * signature line, the claim as signed, the supervisor's review and the addenda; supervisors co-sign or
 * return it here as from the review queue.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { JSX } from 'react';
import { Link, useParams } from 'react-router';
import { errorProblem, hasAnyRole } from '../../../src/shared/index.js';
import type { NoteResponse, Problem } from '../../../src/shared/index.js';
import { ApiError, api, apiQuery, ok, queryClient, showChanged } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { RecordPage } from '../components/load-state.js';
import { NoteClaimPreview, previewSentence } from '../components/note-claim-preview.js';
import { NoteForm } from '../components/note-form.js';
import { NoteReviewActions } from '../components/note-review-actions.js';
import { NoteConflict, NoteRestoreNotice, NoteSaveStatus } from '../components/note-save-status.js';
import { NoteSignedView } from '../components/note-signed-view.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { formatDate } from '../lib/format.js';
import { consentOnFileText } from '../lib/note-consents.js';
import { removeStoredDraft } from '../lib/note-draft-storage.js';
import { noteStatusLabel, reviewStatusLabel, serviceTypeLabel } from '../lib/note-labels.js';
import { controlIdOf, modifierChoices, noteFieldIds } from '../lib/note-problems.js';
import { fieldOfPath } from '../../../src/shared/index.js';
import { goalOptions, planVersionOptions, useMemberCarePlans } from '../lib/use-note-goals.js';
import type { GoalOption, PlanVersionOption } from '../lib/use-note-goals.js';
import { useNoteDraft } from '../lib/use-note-draft.js';
import { useNotePreview } from '../lib/use-note-preview.js';
import { useSubmission } from '../lib/use-schema-form.js';
import { useSignedInSession } from '../session/session-context.js';

export function NotePage(): JSX.Element {
  const { noteId = '' } = useParams();
  const record = apiQuery('/api/v1/notes/{id}', { path: { id: noteId } });
  // The draft editor starts from the note as it is on the server: never from an answer kept in the cache
  // since an earlier visit, which autosave would then overwrite with a stale revision.
  const note = useQuery({ ...record, gcTime: 0 });
  // A change answers with the note as it now is; the lists and the review queue follow it.
  const onChange = (response: NoteResponse): void =>
    showChanged(record, response, '/api/v1/notes', '/api/v1/reviews');
  // Reading again starts the page afresh (as on arrival), so the draft editor starts from the new revision.
  const onReload = (): void => void queryClient.resetQueries({ queryKey: record.queryKey, exact: true });

  return (
    <RecordPage
      query={note}
      back={{ to: '/notes', label: 'Back to notes' }}
      title="Service note"
      what="the note"
      notFound={{ title: 'Note not found', text: 'There is no note with this address that you can see.' }}
    >
      {(response) => <NoteView response={response} onChange={onChange} onReload={onReload} />}
    </RecordPage>
  );
}

interface NoteViewProps {
  response: NoteResponse;
  onChange: (response: NoteResponse) => void;
  onReload: () => void;
}

function NoteView({ response, onChange, onReload }: NoteViewProps): JSX.Element {
  const session = useSignedInSession();
  const { note } = response;
  const [notice, setNotice] = useState<string | null>(null);
  const carePlans = useMemberCarePlans(note.member.id);
  const goals =
    carePlans === null ? null : goalOptions(carePlans, note.fields.dateOfService, note.fields.goalsAddressed);
  const isAuthor = note.author.id === session.user.id;
  const canReview =
    !isAuthor && note.reviewStatus === 'pending' && hasAnyRole(session.user.roles, ['supervisor', 'admin']);
  const lastReturn = [...note.reviews].reverse().find((review) => review.action === 'returned');

  return (
    <>
      <PageHeading title={`Note for ${note.member.displayName}`}>
        {serviceTypeLabel(note.fields.serviceType)} note for {note.member.displayName}
      </PageHeading>
      <p className="note-meta">
        <span>{formatDate(note.fields.dateOfService)}</span>
        <span>{response.form.programName}</span>
        <span>By {note.author.displayName}</span>
        <span className={`badge badge-note-${note.status}`}>{noteStatusLabel(note.status)}</span>
        {note.status === 'signed' ? (
          <span className={`badge badge-review-${note.reviewStatus}`}>
            {reviewStatusLabel(note.reviewStatus)}
          </span>
        ) : null}
      </p>
      <StatusMessage message={notice} />
      {note.reviewStatus === 'returned' && lastReturn !== undefined ? (
        <div className="notice notice-error">
          <p>
            <strong>{lastReturn.reviewer.displayName} returned this note:</strong> {lastReturn.comment}
          </p>
          {isAuthor ? <p>Answer with an addendum below; it goes back for review.</p> : null}
        </div>
      ) : null}
      {note.status === 'draft' && isAuthor && note.groupSessionId === null ? (
        <DraftEditor
          initial={response}
          goals={goals}
          planVersions={carePlans === null ? null : planVersionOptions(carePlans)}
          onSigned={(signed) => {
            setNotice('Signed. The note is locked; any correction from now on is an addendum.');
            onChange(signed);
          }}
          onReload={onReload}
        />
      ) : (
        <>
          <DraftNotice response={response} isAuthor={isAuthor} />
          {canReview ? (
            <section aria-labelledby="review-heading" className="panel">
              <h2 id="review-heading">Your review</h2>
              <NoteReviewActions
                noteId={note.id}
                noteLabel={`${note.member.displayName}, ${formatDate(note.fields.dateOfService)}`}
                onDone={(reviewed, action) => {
                  setNotice(
                    action === 'cosigned' ? 'Co-signed.' : 'Returned to the author with your comment.',
                  );
                  onChange(reviewed);
                }}
              />
            </section>
          ) : null}
          <NoteSignedView
            response={response}
            goals={goals}
            canAddAddendum={hasAnyRole(session.user.roles, ['peer', 'supervisor', 'admin'])}
            onChange={onChange}
          />
        </>
      )}
    </>
  );
}

/** Why a draft is shown read-only: a colleague's, or an attendee's note written on its group's page. */
function DraftNotice({
  response,
  isAuthor,
}: {
  response: NoteResponse;
  isAuthor: boolean;
}): JSX.Element | null {
  const { note } = response;
  if (note.status !== 'draft') {
    return null;
  }
  if (note.groupSessionId !== null) {
    return (
      <p className="notice">
        This note belongs to a group session: it is written and signed on{' '}
        <Link to={`/groups/${note.groupSessionId}`}>the group’s page</Link>.
      </p>
    );
  }
  return isAuthor ? null : (
    <p className="notice">This is {note.author.displayName}’s draft. Only its author can change it.</p>
  );
}

/**
 * The same problem can come from several places (the documentation helper's warning, then signing's
 * error): show it once beside its field, at its most severe.
 */
function distinctProblems(problems: readonly Problem[]): Problem[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const byKey = new Map<string, Problem>();
  for (const problem of problems) {
    const key = `${problem.code}|${fieldOfPath(problem.path)}|${problem.message}`;
    const seen = byKey.get(key);
    if (seen === undefined || rank[problem.severity] < rank[seen.severity]) {
      byKey.set(key, problem);
    }
  }
  return [...byKey.values()];
}

interface DraftEditorProps {
  initial: NoteResponse;
  goals: readonly GoalOption[] | null;
  planVersions: readonly PlanVersionOption[] | null;
  onSigned: (response: NoteResponse) => void;
  onReload: () => void;
}

function DraftEditor({ initial, goals, planVersions, onSigned, onReload }: DraftEditorProps): JSX.Element {
  const draft = useNoteDraft(initial);
  const { note } = draft.response;
  const { fields } = draft;
  const preview = useNotePreview(
    note.id,
    fields,
    { fields: initial.note.fields, preview: initial.preview },
    true,
  );
  const sign = useSubmission();
  const conflict = draft.status.kind === 'conflict' ? draft.status : null;
  // What the form shows comes with the note and each save's answer, for the fields the server has.
  const { form } = draft.response;
  // The consent found for the modality and date the server has: until a change to either is saved, it may be
  // another consent's, so no hint rather than a wrong one.
  const consentCurrent =
    note.fields.modality === fields.modality && note.fields.dateOfService === fields.dateOfService;
  const consentHint = consentCurrent ? (consentOnFileText(form.consent) ?? undefined) : undefined;

  const shown = preview.preview;
  const signProblems = sign.problems;
  const formProblems = distinctProblems([
    ...draft.problems,
    ...signProblems,
    ...(preview.status === 'failed' ? preview.problems : []),
    ...(shown?.problems ?? []).filter((problem) => problem.severity !== 'info'),
    ...draft.response.documentationProblems,
  ]);
  const fieldIds = noteFieldIds(fields, {
    ...(goals === null ? {} : { goals: goals.map((goal) => goal.id) }),
    modifiers: modifierChoices(form.modifiers, fields.modifiers),
  });
  // The server's answer, on the program's date and the payer's own deadline — not this device's clock.
  const pastDue = note.lateReasonNeeded;
  const overLimit = (shown?.limits ?? []).some((limit) => limit.remaining < 0);

  const signNow = (): void => {
    sign.send(
      async () => {
        const saved = await draft.flush();
        if (!saved) {
          throw new ApiError(409, [
            errorProblem(
              'note.not_saved',
              'Your latest changes are not saved yet, so the note cannot be signed. Put right any field marked below, or reconnect, then sign again.',
            ),
          ]);
        }
        const params = { path: { id: note.id } };
        return ok(api.POST('/api/v1/notes/{id}/sign', { params, body: { revision: draft.revision() } }));
      },
      {
        afterSuccess: 'leave',
        onSuccess: (signed) => {
          removeStoredDraft(note.id);
          onSigned(signed);
        },
      },
    );
  };

  let freshness: string | null = null;
  switch (preview.status) {
    case 'updating':
      freshness = 'Updating…';
      break;
    case 'offline':
      freshness = 'Offline: this preview is from before your latest changes.';
      break;
    case 'failed':
      // With no earlier preview the panel itself says what the claim still needs; with one, say it is stale.
      freshness =
        preview.preview === null
          ? null
          : 'This preview is from before your latest changes, which the payer rules cannot judge yet: see why below.';
      break;
    case 'current':
      break;
  }

  return (
    <>
      {draft.restore === null ? null : (
        <NoteRestoreNotice restore={draft.restore} onResolve={draft.resolveRestore} />
      )}
      {conflict === null ? null : <NoteConflict signed={conflict.signed} onReload={onReload} />}
      <div className="note-layout">
        <div className="note-main">
          <ErrorSummary
            problems={signProblems}
            controlIdOf={(problem) => controlIdOf(problem, fieldIds)}
            focusKey={sign.focusKey}
            title="The note cannot be signed yet"
          />
          <form
            className="note-form"
            noValidate
            aria-label="Service note"
            onSubmit={(event) => {
              event.preventDefault();
              void draft.flush();
            }}
            onBlur={() => {
              void draft.flush();
            }}
          >
            <fieldset className="note-fieldset" disabled={conflict !== null}>
              <legend className="visually-hidden">The note’s fields</legend>
              <NoteForm
                fields={fields}
                setField={draft.setField}
                problems={formProblems}
                goals={goals}
                planVersions={planVersions}
                offerPlanOfCare={form.asksPlanOfCareNote}
                modifierOptions={form.modifiers}
                pastDue={pastDue}
                overLimit={overLimit}
                consentHint={consentHint}
              />
            </fieldset>
          </form>
          <section aria-labelledby="note-sign-heading" className="panel">
            <h2 id="note-sign-heading">Sign</h2>
            <p>
              Signing locks the note as the record of this service. Changes after that are addenda, which show
              who added what, when and why.
            </p>
            <button
              type="button"
              className="button"
              disabled={sign.submitting || conflict !== null}
              onClick={signNow}
            >
              {sign.submitting ? 'Signing…' : 'Sign note'}
            </button>
          </section>
        </div>
        <aside className="note-aside" aria-label="Claim preview">
          <NoteClaimPreview
            preview={shown}
            freshness={freshness}
            fieldIds={fieldIds}
            records={{ memberId: note.member.id, authorId: note.author.id }}
            refusal={preview.status === 'failed' ? preview.problems : []}
          />
        </aside>
      </div>
      <div className="note-bar">
        <NoteSaveStatus status={draft.status} onRetry={() => void draft.flush()} />
        <a href="#claim-preview" className="note-bar-preview">
          {previewSentence(shown)}
        </a>
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        Claim preview: {previewSentence(shown)}
      </p>
    </>
  );
}
