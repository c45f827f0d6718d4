/**
 * @module shared/roles
 * The roles a user can hold. A user holds one or more; every route names the roles it admits.
 */
import { z } from 'zod';

export const ROLES = ['peer', 'supervisor', 'clinician', 'billing', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** Human label for a role, for navigation and forms. */
export function roleLabel(role: Role): string {
  switch (role) {
    case 'peer':
      return 'Peer support specialist';
    case 'supervisor':
      return 'Peer support supervisor';
    case 'clinician':
      return 'Clinician';
    case 'billing':
      return 'Billing staff';
    case 'admin':
      return 'Program admin';
  }
}

export function hasAnyRole(held: readonly Role[], admitted: readonly Role[]): boolean {
  return held.some((role) => admitted.includes(role));
}
