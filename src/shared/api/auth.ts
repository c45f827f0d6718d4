/**
 * @module shared/api/auth
 * Login, logout and the current session.
 */
import { z } from 'zod';
import { RoleSchema } from '../roles.js';
import { IdSchema, NewPasswordSchema, TimestampSchema } from './common.js';

export const LoginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, { message: 'Enter your email address.' }).max(254),
  password: z.string().min(1, { message: 'Enter your password.' }).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const SessionUserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  organisation: z.object({ id: IdSchema, name: z.string() }),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const SessionResponseSchema = z.object({
  user: SessionUserSchema,
  /** When the session ends if the user does nothing (sliding). */
  idleExpiresAt: TimestampSchema,
  /** When the session ends regardless of activity. */
  absoluteExpiresAt: TimestampSchema,
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/** Empty JSON object: the body of POST routes that take no input (they still must send JSON). */
export const EmptyBodySchema = z.object({}).strict();

export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, { message: 'Enter your current password.' }).max(256),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;
