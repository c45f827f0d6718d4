/**
 * @module web/pages/login-page
 * Sign in with email and password. Explains why the user is here (signed out, session ended) and what went
 * wrong (wrong password, account locked, too many attempts), with focus on the error summary after a
 * failed attempt.
 */
import { useState } from 'react';
import type { FormEvent, JSX } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { LoginRequestSchema } from '../../../src/shared/index.js';
import type { Problem } from '../../../src/shared/index.js';
import { asApiError, login } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PasswordField, TextField } from '../components/fields.js';
import { PageHeading } from '../components/page-heading.js';
import { problemsUnder, validate } from '../lib/problems.js';
import { safeNextPath } from '../lib/next-path.js';
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
  const [problems, setProblems] = useState<Problem[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [attempted, setAttempted] = useState(false);

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

  const fail = (found: Problem[]): void => {
    setProblems(found);
    setFocusKey((value) => value + 1);
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (submitting) {
      return;
    }
    setAttempted(true);
    const checked = validate(LoginRequestSchema, { email, password }, 'body');
    if (!checked.ok) {
      fail(checked.problems);
      return;
    }
    setSubmitting(true);
    login(checked.value).then(
      (session) => {
        setProblems([]);
        signIn(session);
      },
      (error: unknown) => {
        const apiError = asApiError(error);
        setSubmitting(false);
        if (apiError.status === 401 || apiError.status === 423) {
          setPassword('');
        }
        fail(apiError.problems);
      },
    );
  };

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
        <ErrorSummary problems={problems} fieldIds={FIELD_IDS} focusKey={focusKey} />
        <form onSubmit={submit} noValidate>
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
            problems={problemsUnder(problems, 'email')}
          />
          <PasswordField
            id={FIELD_IDS.password}
            name="password"
            label="Password"
            autoComplete="current-password"
            value={password}
            onValueChange={setPassword}
            problems={problemsUnder(problems, 'password')}
          />
          <button type="submit" className="button button-wide" disabled={submitting}>
            {submitting ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="login-help">Forgotten your password, or locked out? Ask a program admin to reset it.</p>
      </div>
    </main>
  );
}
