/**
 * @module web/session/require-session
 * Route guards: the signed-in app needs a session (else: sign-in page, remembering where the user was),
 * and some pages need a role (else: "You do not have access to this page").
 */
import type { JSX, ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { hasAnyRole, roleLabel } from '../../../src/shared/index.js';
import type { Role } from '../../../src/shared/index.js';
import type { ApiError } from '../api/index.js';
import { PageHeading } from '../components/page-heading.js';
import { loginPathFor } from '../lib/next-path.js';
import { useSession, useSignedInSession } from './session-context.js';

/** Shown while the session cookie is being checked at start-up. */
export function SessionChecking(): JSX.Element {
  return (
    <main id="main" className="page-width centered-page">
      <p role="status" className="loading">
        Loading Peerline…
      </p>
    </main>
  );
}

/** Shown when the server could not be reached to check the session. */
export function ServerUnavailable({ error, onRetry }: { error: ApiError; onRetry: () => void }): JSX.Element {
  return (
    <main id="main" className="page-width centered-page">
      <PageHeading title="Peerline is unavailable">Peerline is unavailable</PageHeading>
      <div className="notice notice-error" role="alert">
        <p>{error.message}</p>
      </div>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </main>
  );
}

/** Renders `children` only with a session; otherwise sends the user to sign in. */
export function RequireSession({ children }: { children: ReactNode }): JSX.Element {
  const { state, retry } = useSession();
  const location = useLocation();
  switch (state.status) {
    case 'checking':
      return <SessionChecking />;
    case 'unavailable':
      return <ServerUnavailable error={state.error} onRetry={retry} />;
    case 'anonymous': {
      // After a deliberate sign-out, start afresh at home; after an expiry, come back here.
      const here = state.notice?.kind === 'signed-out' ? null : `${location.pathname}${location.search}`;
      return <Navigate to={loginPathFor(here)} replace />;
    }
    case 'authenticated':
      return <>{children}</>;
  }
}

/**
 * Renders `children` only for users holding `role`, or — given several — any one of them.
 *
 * @example <RequireRole role={['supervisor', 'admin']}><ReviewsPage /></RequireRole>
 */
export function RequireRole({
  role,
  children,
}: {
  role: Role | readonly Role[];
  children: ReactNode;
}): JSX.Element {
  const session = useSignedInSession();
  const admitted: readonly Role[] = typeof role === 'string' ? [role] : role;
  if (hasAnyRole(session.user.roles, admitted)) {
    return <>{children}</>;
  }
  const names = admitted.map((each) => roleLabel(each));
  return (
    <>
      <PageHeading title="No access">You do not have access to this page</PageHeading>
      <p>
        This page is for users with the {names.join(' or ')} role. If you need it, ask a program admin in your
        organisation.
      </p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
