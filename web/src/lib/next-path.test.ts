import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './next-path.js';

describe('safeNextPath', () => {
  it('keeps a path inside the app, with its query', () => {
    expect(safeNextPath('/audit?userId=1&from=2026-01-01')).toBe('/audit?userId=1&from=2026-01-01');
  });

  // An open redirect would let a phishing link send a user to another site right after a real sign-in.
  it.each(['//evil.example', '/\\evil.example', 'https://evil.example/', 'users', ''])(
    'sends %j home instead of leaving the app',
    (value) => {
      expect(safeNextPath(value)).toBe('/');
    },
  );

  it('never goes back to the sign-in page itself', () => {
    expect(safeNextPath('/login?next=%2Fusers')).toBe('/');
  });

  it('goes home when there is no next parameter', () => {
    expect(safeNextPath(null)).toBe('/');
  });
});

describe('loginPathFor', () => {
  it('remembers where the user was, encoded', () => {
    expect(loginPathFor('/users?includeInactive=true')).toBe('/login?next=%2Fusers%3FincludeInactive%3Dtrue');
  });

  it('is plain /login for home or nowhere', () => {
    expect(loginPathFor('/')).toBe('/login');
    expect(loginPathFor(null)).toBe('/login');
  });

  it('round-trips through safeNextPath', () => {
    const next = new URL(loginPathFor('/audit?recordType=user'), 'http://x').searchParams.get('next');
    expect(safeNextPath(next)).toBe('/audit?recordType=user');
  });
});
