/**
 * @module web/pages/change-password-page
 * Every user: change your own password. The current one is asked for, so a session left open on a shared
 * computer is not enough to take over the account; other sessions end, this one stays.
 */
import { useState } from 'react';
import type { JSX } from 'react';
import { ChangePasswordRequestSchema, MIN_PASSWORD_LENGTH } from '../../../src/shared/index.js';
import { api } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PasswordField } from '../components/fields.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';

const FIELD_IDS = { currentPassword: 'current-password', newPassword: 'new-password' } as const;

export function ChangePasswordPage(): JSX.Element {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const form = useSchemaForm({
    schema: ChangePasswordRequestSchema,
    input: { currentPassword, newPassword },
    // Other sessions of the user end; this one stays.
    send: async (body) => {
      await api.POST('/api/v1/auth/change-password', { body });
    },
    afterSuccess: 'stay',
    onAttempt: () => setDone(null),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setDone('Your password is changed. You are still signed in here; other devices were signed out.');
    },
  });

  return (
    <>
      <PageHeading title="Change password">Change your password</PageHeading>
      <ErrorSummary problems={form.problems} fieldIds={FIELD_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form">
        <PasswordField
          id={FIELD_IDS.currentPassword}
          name="currentPassword"
          label="Current password"
          autoComplete="current-password"
          value={currentPassword}
          onValueChange={setCurrentPassword}
          problems={problemsUnder(form.problems, 'currentPassword')}
        />
        <PasswordField
          id={FIELD_IDS.newPassword}
          name="newPassword"
          label="New password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters; common passwords are refused. A few unrelated words are easy to remember.`}
          value={newPassword}
          onValueChange={setNewPassword}
          problems={problemsUnder(form.problems, 'newPassword')}
        />
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Changing…' : 'Change password'}
        </button>
      </form>
      <StatusMessage message={done} />
    </>
  );
}
