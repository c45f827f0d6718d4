/**
 * @module web/pages/groups-page
 * Group sessions the signed-in user ran, or their team ran (every group for admins, billing staff and
 * clinicians), newest first, with a way to document a new one for those who write notes.
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { JSX } from 'react';
import { Link } from 'react-router';
import type { GroupSessionSummary } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import { GroupStatusBadge, canWriteGroups, timeRange } from '../components/group-parts.js';
import { QueryView } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { formatDate } from '../lib/format.js';
import { useNavigationNotice } from '../lib/navigation-notice.js';
import { useSignedInSession } from '../session/session-context.js';

export function GroupsPage(): JSX.Element {
  const session = useSignedInSession();
  const notice = useNavigationNotice();
  const groups = useQuery({ ...apiQuery('/api/v1/groups'), select: (answer) => answer.groups });
  return (
    <>
      <div className="page-title-row">
        <PageHeading title="Group sessions">Group sessions</PageHeading>
        {canWriteGroups(session.user.roles) ? (
          <Link to="/groups/new" className="button">
            New group session
          </Link>
        ) : null}
      </div>
      <StatusMessage message={notice} />
      <QueryView query={groups} what="the group sessions">
        {(list) => <GroupsTable groups={list} />}
      </QueryView>
    </>
  );
}

function GroupsTable({ groups }: { groups: GroupSessionSummary[] }): JSX.Element {
  const captionId = useId();
  if (groups.length === 0) {
    return <p>There are no group sessions yet.</p>;
  }
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId}>Group sessions ({groups.length})</caption>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Date</th>
            <th scope="col">Time</th>
            <th scope="col">Program</th>
            <th scope="col">Lead</th>
            <th scope="col">Attendees</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.id}>
              <th scope="row">
                <Link to={`/groups/${group.id}`}>{group.topic}</Link>
              </th>
              <td className="nowrap">{formatDate(group.dateOfService)}</td>
              <td className="nowrap">{timeRange(group.start, group.end)}</td>
              <td>{group.program.name}</td>
              <td>{group.lead?.displayName ?? 'None'}</td>
              <td className="numeric">{group.attendeeCount}</td>
              <td>
                <GroupStatusBadge status={group.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
