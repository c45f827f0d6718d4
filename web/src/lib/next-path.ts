/**
 * @module web/lib/next-path
 * The `next` query parameter of the sign-in page: where to go after signing in.
 */

/** Where to go after signing in: only paths inside this app, never another site or the sign-in page. */
export function safeNextPath(value: string | null): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value.startsWith('/login') ? '/' : value;
}

/** The sign-in URL that brings the user back to `path` afterwards (plain `/login` for home or none). */
export function loginPathFor(path: string | null): string {
  return path === null || path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}
