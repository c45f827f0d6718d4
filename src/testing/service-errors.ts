/**
 * @module testing/service-errors
 * Reading a use case's outcome as a word, so a test can list what each role may do in one table.
 */
import { ServiceError } from '../services/errors.js';

/**
 * 'ok' when the promise fulfils, otherwise the `ServiceError` kind it rejects with ('forbidden', 'not_found',
 * …). Any other error is rethrown: a crash is not a refusal.
 *
 * @example expect(await kindOf(getMember(ctx, otherPeer, id))).toBe('not_found')
 */
export async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof ServiceError) return error.kind;
    throw error;
  }
}
