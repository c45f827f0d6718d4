/**
 * @module services/users
 * User administration (admins only).
 */
export {
  listUsers,
  getUser,
  createUser,
  updateUser,
  setUserActive,
  resetPassword,
  insertUser,
  toUser,
  recordUserCreatedBySystem,
} from './users.js';
export { actorByEmail } from './cli-actor.js';
