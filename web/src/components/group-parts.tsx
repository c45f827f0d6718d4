/**
 * @module web/components/group-parts
 * Small pieces the group-session pages share: who may document a group, a session's status and times in
 * words.
 */
import type { JSX } from 'react';
import { GROUP_WRITER_ROLES } from '../../../src/shared/index.js';
import type { GroupStatus, Role } from '../../../src/shared/index.js';

/** True when the roles let their holder document groups (the server checks again). */
export function canWriteGroups(roles: readonly Role[]): boolean {
  return roles.some((role) => (GROUP_WRITER_ROLES as readonly Role[]).includes(role));
}

export function groupStatusLabel(status: GroupStatus): string {
  switch (status) {
    case 'draft':
      return 'Drafts';
    case 'partly_signed':
      return 'Partly signed';
    case 'signed':
      return 'All signed';
  }
}

export function GroupStatusBadge({ status }: { status: GroupStatus }): JSX.Element {
  return (
    <span className={status === 'signed' ? 'badge badge-success' : 'badge badge-inactive'}>
      {groupStatusLabel(status)}
    </span>
  );
}

/** "10:00–11:00", or what is missing. */
export function timeRange(start: string | null, end: string | null): string {
  if (start === null && end === null) return 'Times not entered';
  return `${start ?? '?'}–${end ?? '?'}`;
}
