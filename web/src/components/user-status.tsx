/**
 * @module web/components/user-status
 * An account's status in words (never by colour alone): active, inactive, or locked until a time.
 */
import type { JSX } from 'react';
import { ROLES, roleLabel } from '../../../src/shared/index.js';
import type { Role, User } from '../../../src/shared/index.js';
import { formatDateTime, isLockedNow } from '../lib/format.js';

export type UserStatusKind = 'active' | 'inactive' | 'locked';

export function userStatusKind(user: User): UserStatusKind {
  if (!user.active) {
    return 'inactive';
  }
  return isLockedNow(user.lockedUntil) ? 'locked' : 'active';
}

export function UserStatus({ user }: { user: User }): JSX.Element {
  const kind = userStatusKind(user);
  switch (kind) {
    case 'active':
      return <span className="badge badge-active">Active</span>;
    case 'inactive':
      return <span className="badge badge-inactive">Inactive</span>;
    case 'locked':
      return (
        <span className="badge badge-locked">
          Locked until {user.lockedUntil === null ? '' : formatDateTime(user.lockedUntil)}
        </span>
      );
  }
}

/** Role labels in the canonical order, comma-separated. */
export function rolesText(roles: readonly Role[]): string {
  return ROLES.filter((role) => roles.includes(role))
    .map(roleLabel)
    .join(', ');
}

/** The role checkboxes' options, in the canonical order. */
export const ROLE_OPTIONS: readonly { value: Role; label: string }[] = ROLES.map((role) => ({
  value: role,
  label: roleLabel(role),
}));
