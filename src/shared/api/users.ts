/**
 * @module shared/api/users
 * User administration (admins only).
 */
import { z } from 'zod';
import { ROLES, RoleSchema } from '../roles.js';
import { DisplayNameSchema, EmailSchema, IdSchema, NewPasswordSchema, TimestampSchema } from './common.js';

const RolesSchema = z
  .array(RoleSchema, { message: `Choose one or more of: ${ROLES.join(', ')}.` })
  .min(1, { message: 'Choose at least one role.' })
  .refine((roles) => new Set(roles).size === roles.length, { message: 'Each role may appear only once.' });

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  active: z.boolean(),
  /** Set while the account is locked after repeated failed logins. */
  lockedUntil: TimestampSchema.nullable(),
  lastLoginAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
});
export type User = z.infer<typeof UserSchema>;

export const UserListQuerySchema = z.object({
  includeInactive: z
    .enum(['true', 'false'], { message: 'Use true or false.' })
    .optional()
    .transform((value) => value === 'true'),
});

export const UserListResponseSchema = z.object({ users: z.array(UserSchema) });
export const UserResponseSchema = z.object({ user: UserSchema });

export const CreateUserRequestSchema = z.object({
  email: EmailSchema,
  displayName: DisplayNameSchema,
  roles: RolesSchema,
  password: NewPasswordSchema,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UpdateUserRequestSchema = z
  .object({ displayName: DisplayNameSchema.optional(), roles: RolesSchema.optional() })
  .strict()
  .refine((body) => body.displayName !== undefined || body.roles !== undefined, {
    message: 'Send displayName, roles, or both.',
  });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const ResetPasswordRequestSchema = z.object({ password: NewPasswordSchema });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequestSchema>;
