/**
 * @module web/pages/user-detail-page
 * Admins: one user account. Change its name and roles, reset its password (which also unlocks it), and
 * deactivate or reactivate it.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { JSX } from 'react';
import { useParams } from 'react-router';
import {
  MIN_PASSWORD_LENGTH,
  ResetPasswordRequestSchema,
  UpdateUserRequestSchema,
  roleLabel,
} from '../../../src/shared/index.js';
import type { Role, User } from '../../../src/shared/index.js';
import { api, apiQuery, ok, showChanged } from '../api/index.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorSummary } from '../components/error-summary.js';
import { CheckboxGroup, PasswordField, TextField } from '../components/fields.js';
import { RecordPage } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { ROLE_OPTIONS, UserStatus, rolesText } from '../components/user-status.js';
import { formatDateTime } from '../lib/format.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm, useSubmission } from '../lib/use-schema-form.js';
import { useSession, useSignedInSession } from '../session/session-context.js';

export function UserDetailPage(): JSX.Element {
  const { userId = '' } = useParams();
  const record = apiQuery('/api/v1/users/{id}', { path: { id: userId } });
  const user = useQuery({ ...record, select: (answer) => answer.user });
  // A change answers with the account as it now is: show it at once, and refresh the lists that name it.
  const onChange = (updated: User): void => {
    showChanged(record, { user: updated }, '/api/v1/users', '/api/v1/audit-events');
  };

  return (
    <RecordPage
      query={user}
      back={{ to: '/users', label: 'Back to users' }}
      title="User"
      what="the user"
      notFound={{ title: 'User not found', text: 'There is no user with this address in your organisation.' }}
    >
      {(loaded) => <UserDetail user={loaded} onChange={onChange} />}
    </RecordPage>
  );
}

/** The path of one user, for the calls that change it. */
function userPath(user: User): { params: { path: { id: string } } } {
  return { params: { path: { id: user.id } } };
}

interface UserDetailProps {
  user: User;
  /** The account as the server returned it after a change. */
  onChange: (user: User) => void;
}

function UserDetail({ user, onChange }: UserDetailProps): JSX.Element {
  const session = useSignedInSession();
  const isSelf = session.user.id === user.id;
  return (
    <>
      <PageHeading title={user.displayName}>{user.displayName}</PageHeading>
      <dl className="facts facts-wide">
        <div>
          <dt>Email</dt>
          <dd className="wrap-anywhere">{user.email}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <UserStatus user={user} />
          </dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{rolesText(user.roles)}</dd>
        </div>
        <div>
          <dt>Last sign-in</dt>
          <dd>
            {user.lastLoginAt === null ? (
              'Never'
            ) : (
              <time dateTime={user.lastLoginAt}>{formatDateTime(user.lastLoginAt)}</time>
            )}
          </dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>
            <time dateTime={user.createdAt}>{formatDateTime(user.createdAt)}</time>
          </dd>
        </div>
      </dl>
      {isSelf ? <p className="notice notice-info">This is your own account.</p> : null}
      <EditUserForm key={user.id} user={user} isSelf={isSelf} onChange={onChange} />
      <ResetPasswordForm user={user} onChange={onChange} />
      <AccountAccess user={user} isSelf={isSelf} onChange={onChange} />
    </>
  );
}

const EDIT_FIELD_IDS = { displayName: 'edit-user-name', roles: 'edit-user-roles-peer' } as const;

function EditUserForm({ user, isSelf, onChange }: UserDetailProps & { isSelf: boolean }): JSX.Element {
  const { refresh } = useSession();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useSchemaForm({
    schema: UpdateUserRequestSchema,
    input: { displayName, roles },
    onAttempt: () => setSaved(null),
    send: async (body) => (await ok(api.PATCH('/api/v1/users/{id}', { ...userPath(user), body }))).user,
    afterSuccess: 'stay',
    onSuccess: (updated) => {
      setDisplayName(updated.displayName);
      setRoles(updated.roles);
      setSaved(`Saved the name and roles of ${updated.displayName}.`);
      onChange(updated);
      if (isSelf) {
        // Own roles changed: the navigation and this page's access follow the new session.
        refresh().catch(() => undefined);
      }
    },
  });

  return (
    <section aria-labelledby="edit-user-heading" className="panel">
      <h2 id="edit-user-heading">Name and roles</h2>
      <ErrorSummary problems={form.problems} fieldIds={EDIT_FIELD_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form">
        <TextField
          id={EDIT_FIELD_IDS.displayName}
          name="displayName"
          label="Display name"
          autoComplete="off"
          value={displayName}
          onValueChange={setDisplayName}
          problems={problemsUnder(form.problems, 'displayName')}
        />
        <CheckboxGroup
          id="edit-user-roles"
          legend="Roles"
          hint={
            isSelf && user.roles.includes('admin')
              ? `If you remove ${roleLabel('admin')} from your own account, you lose access to user administration.`
              : undefined
          }
          options={ROLE_OPTIONS}
          selected={roles}
          onChange={setRoles}
          problems={problemsUnder(form.problems, 'roles')}
        />
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save name and roles'}
        </button>
      </form>
      <StatusMessage message={saved} />
    </section>
  );
}

const RESET_FIELD_IDS = { password: 'reset-password' } as const;

function ResetPasswordForm({ user, onChange }: UserDetailProps): JSX.Element {
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const form = useSchemaForm({
    schema: ResetPasswordRequestSchema,
    input: { password },
    onAttempt: () => setDone(null),
    send: async (body) =>
      (await ok(api.POST('/api/v1/users/{id}/reset-password', { ...userPath(user), body }))).user,
    afterSuccess: 'stay',
    onSuccess: (updated) => {
      setPassword('');
      setDone(`Password reset for ${updated.displayName}. If the account was locked, it is now unlocked.`);
      onChange(updated);
    },
  });

  return (
    <section aria-labelledby="reset-password-heading" className="panel">
      <h2 id="reset-password-heading">Reset password</h2>
      <p>
        Set a new password when someone has forgotten theirs or is locked out. Resetting also unlocks the
        account.
      </p>
      <ErrorSummary problems={form.problems} fieldIds={RESET_FIELD_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form">
        <PasswordField
          id={RESET_FIELD_IDS.password}
          name="password"
          label="New password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters; common passwords are refused.`}
          value={password}
          onValueChange={setPassword}
          problems={problemsUnder(form.problems, 'password')}
        />
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Resetting…' : 'Reset password'}
        </button>
      </form>
      <StatusMessage message={done} />
    </section>
  );
}

function AccountAccess({ user, isSelf, onChange }: UserDetailProps & { isSelf: boolean }): JSX.Element {
  const [confirming, setConfirming] = useState(false);
  const action = useSubmission();
  const [done, setDone] = useState<string | null>(null);
  const doneMessage = useRef<HTMLParagraphElement>(null);
  const active = user.active;

  // The button just used is replaced by its opposite; keep focus on the outcome instead of losing it.
  useEffect(() => {
    if (done !== null) {
      doneMessage.current?.focus();
    }
  }, [done]);

  const act = (): void => {
    setConfirming(false);
    setDone(null);
    const path = active ? '/api/v1/users/{id}/deactivate' : '/api/v1/users/{id}/reactivate';
    action.send(async () => (await ok(api.POST(path, { ...userPath(user), body: {} }))).user, {
      afterSuccess: 'stay',
      onSuccess: (updated) => {
        setDone(
          updated.active
            ? `Reactivated ${updated.displayName}. They can sign in again.`
            : `Deactivated ${updated.displayName}. They can no longer sign in.`,
        );
        onChange(updated);
      },
    });
  };

  return (
    <section aria-labelledby="account-access-heading" className="panel">
      <h2 id="account-access-heading">Account access</h2>
      <p>
        {active
          ? 'This account is active. Deactivate it when someone leaves or should no longer use Peerline; their records and the audit log are kept.'
          : 'This account is inactive: it cannot be used to sign in. Reactivate it to let this person sign in again.'}
      </p>
      <ErrorSummary problems={action.problems} focusKey={action.focusKey} />
      <button
        type="button"
        className={active ? 'button button-danger' : 'button'}
        disabled={action.submitting}
        onClick={() => setConfirming(true)}
      >
        {active ? 'Deactivate account' : 'Reactivate account'}
      </button>
      <StatusMessage message={done} ref={doneMessage} />
      <ConfirmDialog
        open={confirming}
        title={active ? `Deactivate ${user.displayName}?` : `Reactivate ${user.displayName}?`}
        confirmLabel={active ? 'Yes, deactivate' : 'Yes, reactivate'}
        destructive={active}
        onConfirm={act}
        onCancel={() => setConfirming(false)}
      >
        {active ? (
          <p>
            {user.displayName} ({user.email}) will not be able to sign in until the account is reactivated.
            {isSelf ? ' This is your own account: you would lose access to Peerline.' : ''}
          </p>
        ) : (
          <p>
            {user.displayName} ({user.email}) will be able to sign in again with the roles{' '}
            {rolesText(user.roles)}.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
