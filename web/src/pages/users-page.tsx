/**
 * @module web/pages/users-page
 * Admins: the organisation's user accounts, with a switch to include inactive ones (kept in the URL).
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { JSX } from 'react';
import { Link } from 'react-router';
import type { User } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import { QueryView } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { UserStatus, rolesText } from '../components/user-status.js';
import { formatDateTime } from '../lib/format.js';
import { useNavigationNotice } from '../lib/navigation-notice.js';
import { useUrlToggle } from '../lib/use-url-toggle.js';

export function UsersPage(): JSX.Element {
  const [includeInactive, setIncludeInactive] = useUrlToggle('includeInactive');
  const notice = useNavigationNotice();
  const users = useQuery({
    ...apiQuery('/api/v1/users', { query: { includeInactive: includeInactive ? 'true' : 'false' } }),
    select: (answer) => answer.users,
  });

  return (
    <>
      <div className="page-title-row">
        <PageHeading title="Users">Users</PageHeading>
        <Link to="/users/new" className="button">
          Add a user
        </Link>
      </div>
      <StatusMessage message={notice} />
      <div className="checkbox toolbar">
        <input
          id="include-inactive"
          type="checkbox"
          checked={includeInactive}
          onChange={(event) => setIncludeInactive(event.target.checked)}
        />
        <label htmlFor="include-inactive">Include inactive users</label>
      </div>
      <QueryView query={users} what="the users">
        {(list) => <UsersTable users={list} includeInactive={includeInactive} />}
      </QueryView>
    </>
  );
}

function UsersTable({ users, includeInactive }: { users: User[]; includeInactive: boolean }): JSX.Element {
  const captionId = useId();
  if (users.length === 0) {
    return <p>{includeInactive ? 'There are no users yet.' : 'There are no active users.'}</p>;
  }
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId}>
          {includeInactive ? 'All users' : 'Active users'} ({users.length})
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                <Link to={`/users/${user.id}`}>{user.displayName}</Link>
              </th>
              <td className="wrap-anywhere">{user.email}</td>
              <td>{rolesText(user.roles)}</td>
              <td>
                <UserStatus user={user} />
              </td>
              <td>
                {user.lastLoginAt === null ? (
                  'Never'
                ) : (
                  <time dateTime={user.lastLoginAt}>{formatDateTime(user.lastLoginAt)}</time>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
