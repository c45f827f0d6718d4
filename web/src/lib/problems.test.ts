import { describe, expect, it } from 'vitest';
import { CreateUserRequestSchema, LoginRequestSchema, errorProblem } from '../../../src/shared/index.js';
import { problemsUnder, topFieldOf, validate } from './problems.js';

describe('validate', () => {
  it('returns the parsed value (trimmed, lower-cased) when the input is valid', () => {
    const result = validate(LoginRequestSchema, { email: ' Ana@Example.ORG ', password: 'x' }, 'body');
    expect(result).toEqual({ ok: true, value: { email: 'ana@example.org', password: 'x' } });
  });

  // The same paths the API uses, so one set of components shows client and server problems alike.
  it('gives problems with the API path shape and the schema messages', () => {
    const result = validate(LoginRequestSchema, { email: '', password: '' }, 'body');
    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    expect(result.problems.map((problem) => [problem.path, problem.message, problem.severity])).toEqual([
      [['body', 'email'], 'Enter your email address.', 'error'],
      [['body', 'password'], 'Enter your password.', 'error'],
    ]);
  });

  it('names each wrong field of a new user', () => {
    const result = validate(
      CreateUserRequestSchema,
      { email: 'not-an-email', displayName: 'Ana', roles: [], password: 'short' },
      'body',
    );
    expect(result.ok ? [] : result.problems.map((problem) => problem.path.join('.'))).toEqual([
      'body.email',
      'body.roles',
      'body.password',
    ]);
  });
});

describe('problemsUnder', () => {
  const problems = [
    errorProblem('a', 'roles item', ['body', 'roles', 0]),
    errorProblem('b', 'roles', ['body', 'roles']),
    errorProblem('c', 'rolesX', ['body', 'rolesX']),
    errorProblem('d', 'general', []),
  ];

  it('collects the problems of a field and of anything inside it, but not of a similarly named field', () => {
    expect(problemsUnder(problems, 'roles').map((problem) => problem.code)).toEqual(['a', 'b']);
  });
});

describe('topFieldOf', () => {
  it('is the first segment after the request location', () => {
    expect(topFieldOf(errorProblem('x', 'm', ['body', 'roles', 2]))).toBe('roles');
    expect(topFieldOf(errorProblem('x', 'm', ['query', 'from']))).toBe('from');
  });

  it('is null for a problem about the whole request', () => {
    expect(topFieldOf(errorProblem('auth.invalid_credentials', 'm', []))).toBeNull();
    expect(topFieldOf(errorProblem('x', 'm', ['body']))).toBeNull();
  });
});
