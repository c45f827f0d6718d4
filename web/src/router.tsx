/**
 * @module web/router
 * The app's pages. `/login` is public; everything else needs a session, and the user and audit pages need
 * the admin role, the billing pages billing staff or an admin. The payer rules pages are open to every role.
 * The server must answer these paths with index.html (history fallback).
 */
import type { JSX } from 'react';
import { Outlet, createBrowserRouter } from 'react-router';
import { AppShell } from './components/app-shell.js';
import { AuditPage } from './pages/audit-page.js';
import { AuthorizationsPage } from './pages/authorizations-page.js';
import { BatchesPage } from './pages/batches-page.js';
import { BillingClaimsPage } from './pages/billing-claims-page.js';
import { BillingPage } from './pages/billing-page.js';
import { BillingSettingsPage } from './pages/billing-settings-page.js';
import { ClaimPage } from './pages/claim-page.js';
import { CarePlanPage } from './pages/care-plan-page.js';
import { CarePlansPage } from './pages/care-plans-page.js';
import { CarePlansPendingPage } from './pages/care-plans-pending-page.js';
import { CrashPage } from './pages/crash-page.js';
import { FeeSchedulePage } from './pages/fee-schedule-page.js';
import { GroupDetailPage } from './pages/group-detail-page.js';
import { GroupNewPage } from './pages/group-new-page.js';
import { GroupsPage } from './pages/groups-page.js';
import { ChangePasswordPage } from './pages/change-password-page.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { MemberNewPage } from './pages/member-new-page.js';
import { MemberPage } from './pages/member-page.js';
import { MembersPage } from './pages/members-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { NoteNewPage } from './pages/note-new-page.js';
import { NotePage } from './pages/note-page.js';
import { NoteReviewsPage } from './pages/note-reviews-page.js';
import { NotesOverduePage } from './pages/notes-overdue-page.js';
import { NotesPage } from './pages/notes-page.js';
import { PayerPackPage } from './pages/payer-pack-page.js';
import { PayerRulesPage } from './pages/payer-rules-page.js';
import { ReportsPage } from './pages/reports-page.js';
import { StaffDetailPage } from './pages/staff-detail-page.js';
import { StaffPage } from './pages/staff-page.js';
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

/** The billing pages: billing staff and admins. */
function billingOnly(page: JSX.Element): JSX.Element {
  return <RequireRole role={['billing', 'admin']}>{page}</RequireRole>;
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
          { path: 'groups', element: <GroupsPage /> },
          { path: 'groups/new', element: <GroupNewPage /> },
          { path: 'groups/:groupId', element: <GroupDetailPage /> },
          { path: 'payer-rules', element: <PayerRulesPage /> },
          { path: 'payer-rules/:packId', element: <PayerPackPage /> },
          {
            path: 'reports',
            element: (
              <RequireRole role={['billing', 'admin']}>
                <ReportsPage />
              </RequireRole>
            ),
          },
          { path: 'members', element: <MembersPage /> },
          {
            path: 'members/new',
            element: (
              <RequireRole role={['admin', 'supervisor']}>
                <MemberNewPage />
              </RequireRole>
            ),
          },
          { path: 'members/:memberId', element: <MemberPage /> },
          { path: 'members/:memberId/care-plans', element: <CarePlansPage /> },
          { path: 'members/:memberId/care-plans/:planId', element: <CarePlanPage /> },
          {
            path: 'care-plans/pending',
            element: (
              <RequireRole role={['supervisor', 'clinician']}>
                <CarePlansPendingPage />
              </RequireRole>
            ),
          },
          { path: 'notes', element: <NotesPage /> },
          {
            path: 'notes/new',
            element: (
              <RequireRole role={['peer', 'supervisor', 'admin']}>
                <NoteNewPage />
              </RequireRole>
            ),
          },
          { path: 'notes/overdue', element: <NotesOverduePage /> },
          { path: 'notes/:noteId', element: <NotePage /> },
          {
            path: 'reviews',
            element: (
              <RequireRole role={['supervisor', 'admin']}>
                <NoteReviewsPage />
              </RequireRole>
            ),
          },
          {
            path: 'staff',
            element: (
              <RequireRole role={['admin', 'supervisor', 'billing']}>
                <StaffPage />
              </RequireRole>
            ),
          },
          // Everyone may open a staff page; the server answers only for those in the user's reach (peers: their own).
          { path: 'staff/:userId', element: <StaffDetailPage /> },
          { path: 'billing', element: billingOnly(<BillingPage />) },
          { path: 'billing/claims', element: billingOnly(<BillingClaimsPage />) },
          { path: 'billing/claims/:claimId', element: billingOnly(<ClaimPage />) },
          { path: 'billing/batches', element: billingOnly(<BatchesPage />) },
          { path: 'billing/authorizations', element: billingOnly(<AuthorizationsPage />) },
          { path: 'billing/fees', element: billingOnly(<FeeSchedulePage />) },
          { path: 'billing/settings', element: billingOnly(<BillingSettingsPage />) },
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
