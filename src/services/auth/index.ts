/**
 * @module services/auth
 * Passwords, login with lockout, and server-side sessions.
 */
export { login } from './login.js';
export { changeOwnPassword } from './change-password.js';
export type { LoginResult } from './login.js';
export {
  createSession,
  resolveSession,
  endSession,
  endAllSessionsOf,
  purgeExpiredSessions,
  actorOf,
} from './sessions.js';
export type { SessionView, ClientInfo } from './sessions.js';
export { hashPassword, verifyPassword, passwordPolicyProblems, isCommonPassword } from './passwords.js';
export { hashSessionToken, newSessionToken } from './session-token.js';
