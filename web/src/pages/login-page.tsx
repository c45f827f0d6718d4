/**
 * @module web/pages/login-page
 * Sign in with email and password. Explains why the user is here (signed out, session ended) and what went
 * wrong (wrong password, account locked, too many attempts), with focus on the error summary after a
 * failed attempt.
 */
import { useState } from 'react';
import type { JSX } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { LoginRequestSchema } from '../../../src/shared/index.js';
import { ok, publicApi } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PasswordField, TextField } from '../components/fields.js';
import { PageHeading } from '../components/page-heading.js';
import { problemsUnder } from '../lib/problems.js';
import { safeNextPath } from '../lib/next-path.js';
import { useSchemaForm } from '../lib/use-schema-form.js';
import { ServerUnavailable, SessionChecking } from '../session/require-session.js';
import { useSession } from '../session/session-context.js';
import type { SessionNotice } from '../session/session-context.js';

const FIELD_IDS = { email: 'login-email', password: 'login-password' } as const;

/** The sentence shown above the form for why the user has to sign in (again). */
export function noticeText(notice: SessionNotice): string {
  switch (notice.kind) {
    case 'signed-out':
      return 'You have signed out.';
    case 'idle':
      return `Your session ended after ${notice.minutes} ${notice.minutes === 1 ? 'minute' : 'minutes'} without activity. Sign in again.`;
    case 'time-limit':
      return 'Your session reached its time limit. Sign in again.';
    case 'ended':
      return 'Your session has ended. Sign in again.';
  }
}

export function LoginPage(): JSX.Element {
  const { state, signIn, retry } = useSession();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [attempted, setAttempted] = useState(false);
  const form = useSchemaForm({
    schema: LoginRequestSchema,
    input: { email, password },
    onAttempt: () => setAttempted(true),
    // Without the session: a 401 here means a wrong email or password, not an ended session.
    send: (body) => ok(publicApi.POST('/api/v1/auth/login', { body })),
    // Signed in: the page gives way to where the user was going.
    afterSuccess: 'leave',
    onSuccess: signIn,
    onError: (error) => {
      if (error.status === 401 || error.status === 423) {
        setPassword('');
      }
    },
  });

  switch (state.status) {
    case 'checking':
      return <SessionChecking />;
    case 'unavailable':
      return <ServerUnavailable error={state.error} onRetry={retry} />;
    case 'authenticated':
      return <Navigate to={next} replace />;
    case 'anonymous':
      break;
  }

  const notice = attempted ? null : state.notice;

  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <p className="login-brand" aria-hidden="true">
          Peerline
        </p>
        <PageHeading title="Sign in">Sign in to Peerline</PageHeading>
        <div role="status">
          {notice === null ? null : <p className="notice notice-info">{noticeText(notice)}</p>}
        </div>
        <ErrorSummary problems={form.problems} fieldIds={FIELD_IDS} focusKey={form.focusKey} />
        <form onSubmit={form.submit} noValidate>
          <TextField
            id={FIELD_IDS.email}
            name="email"
            label="Email"
            type="email"
            autoComplete="username"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            onValueChange={setEmail}
            problems={problemsUnder(form.problems, 'email')}
          />
          <PasswordField
            id={FIELD_IDS.password}
            name="password"
            label="Password"
            autoComplete="current-password"
            value={password}
            onValueChange={setPassword}
            problems={problemsUnder(form.problems, 'password')}
          />
          <button type="submit" className="button button-wide" disabled={form.submitting}>
            {form.submitting ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="login-help">Forgotten your password, or locked out? Ask a program admin to reset it.</p>
      </div>
    </main>
  );
}
