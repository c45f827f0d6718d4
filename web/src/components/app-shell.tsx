/**
 * @module web/components/app-shell
 * The frame of every signed-in page: skip link, header (Peerline, organisation, user, Sign out),
 * role-aware navigation, the page in `<main>`, and a footer with the server version.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { JSX } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { hasAnyRole } from '../../../src/shared/index.js';
import { asApiError, ok, publicApi } from '../api/index.js';
import { useSession, useSignedInSession } from '../session/session-context.js';

export function AppShell(): JSX.Element {
  const session = useSignedInSession();
  const { signOut } = useSession();
  const location = useLocation();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const isAdmin = session.user.roles.includes('admin');
  const writesNotes = hasAnyRole(session.user.roles, ['peer', 'supervisor', 'admin']);
  const reviewsNotes = hasAnyRole(session.user.roles, ['supervisor', 'admin']);
  const approvesCarePlans = session.user.roles.some((role) => role === 'supervisor' || role === 'clinician');
  const seesStaff = hasAnyRole(session.user.roles, ['admin', 'supervisor', 'billing']);
  const bills = hasAnyRole(session.user.roles, ['billing', 'admin']);
  const isPeer = session.user.roles.includes('peer');
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  // After client-side navigation, put focus on the new page's heading (not on first load: there the
  // skip link should stay the first thing Tab reaches).
  useEffect(() => {
    if (location.pathname === firstPath.current) {
      return;
    }
    firstPath.current = '';
    const heading = main.current?.querySelector<HTMLElement>('h1');
    (heading ?? main.current)?.focus();
  }, [location.pathname]);

  const onSignOut = (): void => {
    setSigningOut(true);
    setSignOutError(null);
    signOut().catch((error: unknown) => {
      setSigningOut(false);
      setSignOutError(asApiError(error).message);
    });
  };

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="site-header">
        <div className="page-width header-bar">
          <Link to="/" className="brand">
            Peerline
          </Link>
          <span className="org-name">{session.user.organisation.name}</span>
          <span className="user-name">
            <span className="visually-hidden">Signed in as </span>
            {session.user.displayName}
          </span>
          <button type="button" className="button button-header" onClick={onSignOut} disabled={signingOut}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
        <nav aria-label="Main" className="main-nav">
          <ul className="page-width">
            <li>
              <NavLink to="/" end>
                Home
              </NavLink>
            </li>
            <li>
              <NavLink to="/members">Members</NavLink>
            </li>
            {approvesCarePlans ? (
              <li>
                <NavLink to="/care-plans/pending">Plans to approve</NavLink>
              </li>
            ) : null}
            {writesNotes ? (
              <>
                <li>
                  <NavLink to="/notes" end>
                    Notes
                  </NavLink>
                </li>
                {reviewsNotes ? (
                  <li>
                    <NavLink to="/reviews">Reviews</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/notes/overdue">Overdue</NavLink>
                </li>
              </>
            ) : null}
            <li>
              <NavLink to="/groups">Groups</NavLink>
            </li>
            {seesStaff ? (
              <li>
                <NavLink to="/staff" end>
                  Staff
                </NavLink>
              </li>
            ) : null}
            {isPeer ? (
              <li>
                <NavLink to={`/staff/${session.user.id}`}>My credentials</NavLink>
              </li>
            ) : null}
            {bills ? (
              <li>
                <NavLink to="/billing">Billing</NavLink>
              </li>
            ) : null}
            {hasAnyRole(session.user.roles, ['billing', 'admin']) ? (
              <li>
                <NavLink to="/reports">Reports</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/payer-rules">Payer rules</NavLink>
            </li>
            {isAdmin ? (
              <>
                <li>
                  <NavLink to="/users">Users</NavLink>
                </li>
                <li>
                  <NavLink to="/audit">Audit log</NavLink>
                </li>
                <li>
                  <a href="/api/docs">API docs</a>
                </li>
              </>
            ) : null}
            <li>
              <NavLink to="/account/password">Change password</NavLink>
            </li>
          </ul>
        </nav>
      </header>
      {signOutError === null ? null : (
        <div className="page-width">
          <div className="notice notice-error" role="alert">
            <p>
              <strong>You are still signed in.</strong> {signOutError}
            </p>
          </div>
        </div>
      )}
      <main id="main" ref={main} tabIndex={-1} className="page-width main">
        <Outlet />
      </main>
      <SiteFooter showDatabase={isAdmin} />
    </>
  );
}

function SiteFooter({ showDatabase }: { showDatabase: boolean }): JSX.Element {
  // Without the session: the health check is not the user's activity and must not slide their session.
  const { data: health } = useQuery({
    queryKey: ['/api/health'],
    queryFn: ({ signal }) => ok(publicApi.GET('/api/health', { signal })),
  });
  return (
    <footer className="site-footer">
      <div className="page-width">
        {health !== undefined ? (
          <p>
            Peerline {health.version}
            {showDatabase
              ? ` · Database: ${health.database.kind}, migration ${health.database.migrationVersion}${
                  health.database.migrationName === null ? '' : ` (${health.database.migrationName})`
                }`
              : null}
          </p>
        ) : (
          <p>Peerline</p>
        )}
      </div>
    </footer>
  );
}
