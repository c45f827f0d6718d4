/**
 * @module web/router
 * The app's pages. `/login` is public; everything else needs a session, and the user and audit pages need
 * the admin role. The payer rules pages are open to every role. The server must answer these paths with index.html (history fallback).
 */
import type { JSX } from 'react';
import { Outlet, createBrowserRouter } from 'react-router';
import { AppShell } from './components/app-shell.js';
import { AuditPage } from './pages/audit-page.js';
import { CrashPage } from './pages/crash-page.js';
import { ChangePasswordPage } from './pages/change-password-page.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { PayerPackPage } from './pages/payer-pack-page.js';
import { PayerRulesPage } from './pages/payer-rules-page.js';
import { UserDetailPage } from './pages/user-detail-page.js';
import { UserNewPage } from './pages/user-new-page.js';
import { UsersPage } from './pages/users-page.js';
import { RequireRole, RequireSession } from './session/require-session.js';
import { SessionProvider } from './session/session-context.js';

function Root(): JSX.Element {
  return (
    <SessionProvider>
      <Outlet />
    </SessionProvider>
  );
}

function adminOnly(page: JSX.Element): JSX.Element {
  return <RequireRole role="admin">{page}</RequireRole>;
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <CrashPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/',
        element: (
          <RequireSession>
            <AppShell />
          </RequireSession>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'users', element: adminOnly(<UsersPage />) },
          { path: 'users/new', element: adminOnly(<UserNewPage />) },
          { path: 'users/:userId', element: adminOnly(<UserDetailPage />) },
          { path: 'audit', element: adminOnly(<AuditPage />) },
          { path: 'payer-rules', element: <PayerRulesPage /> },
          { path: 'payer-rules/:packId', element: <PayerPackPage /> },
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
