/**
 * @module web/lib/use-schema-form
 * How every form in the web app submits, in one place. A submit checks the values with the shared zod schema
 * of its request, then either sends them to the API or applies them on the page. Whatever goes wrong (a value
 * the schema refuses, a problem the API answers with, a server that cannot be reached) becomes a list of
 * problems for the form's `ErrorSummary` and fields, and the summary takes focus.
 *
 * {@link useSubmission} is the part without a schema, for an action that is not a form (a button behind a
 * confirmation dialog); {@link useSchemaForm} builds every form on it.
 *
 * @example
 * const form = useSchemaForm({
 *   schema: ResetPasswordRequestSchema,
 *   input: { password },
 *   send: (body) => resetPassword(user.id, body),
 *   afterSuccess: 'stay',
 *   onSuccess: (updated) => onChange(updated),
 * });
 * <ErrorSummary problems={form.problems} fieldIds={FIELD_IDS} focusKey={form.focusKey} />
 * <form onSubmit={form.submit} noValidate>…</form>
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { z } from 'zod';
import type { Problem } from '../../../src/shared/index.js';
import { asApiError } from '../api/index.js';
import type { ApiError } from '../api/index.js';
import { validate } from './problems.js';
import type { BodyProblemPath, RequestLocation } from './problems.js';

/**
 * What happens to the form once the API has accepted it:
 * - `stay`: the form stays in use, so its problems are cleared and it can be submitted again;
 * - `leave`: the app moves on (signs in, navigates away), so the form is left as it is, still disabled,
 *   until it goes.
 */
export type AfterSuccess = 'stay' | 'leave';

/** How to handle the outcome of one API call. */
export interface SendHandlers<R> {
  afterSuccess: AfterSuccess;
  /** Runs with the API's answer, after the `afterSuccess` reset. */
  onSuccess: (result: R) => void;
  /** Runs before the error's problems are shown, e.g. to clear a password the server refused. */
  onError?: (error: ApiError) => void;
}

export interface Submission {
  /** What to show in the error summary and beside the fields. */
  problems: Problem[];
  /** Goes up on every failure; pass it to `ErrorSummary`, which then takes focus. */
  focusKey: number;
  /** True while an API call is under way; disable the submit button meanwhile. */
  submitting: boolean;
  /** Shows `found` and moves focus to the error summary. */
  fail: (found: Problem[]) => void;
  /** Removes the problems shown. */
  clear: () => void;
  /**
   * Makes an API call and handles its outcome. Ignored while a call is under way. Any failure shows the
   * ApiError's problems; one that is not an ApiError (say, the network) shows a generic problem.
   *
   * @param call - starts the request
   * @param handlers - what to do with the outcome
   */
  send: <R>(call: () => Promise<R>, handlers: SendHandlers<R>) => void;
}

/**
 * The problems, focus key and busy state of one action that calls the API, one call at a time.
 *
 * @example
 * const action = useSubmission();
 * action.send(() => deactivateUser(user.id), { afterSuccess: 'stay', onSuccess: onChange });
 */
export function useSubmission(): Submission {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [submitting, setSubmitting] = useState(false);

  const fail = (found: Problem[]): void => {
    setProblems(found);
    setFocusKey((value) => value + 1);
  };

  const clear = (): void => setProblems([]);

  const send = <R>(call: () => Promise<R>, handlers: SendHandlers<R>): void => {
    if (submitting) {
      return;
    }
    setSubmitting(true);
    call().then(
      (result) => {
        switch (handlers.afterSuccess) {
          case 'stay':
            setSubmitting(false);
            clear();
            break;
          case 'leave':
            break;
        }
        handlers.onSuccess(result);
      },
      (error: unknown) => {
        const apiError = asApiError(error);
        setSubmitting(false);
        handlers.onError?.(apiError);
        fail(apiError.problems);
      },
    );
  };

  return { problems, focusKey, submitting, fail, clear, send };
}

interface SchemaFormBase<S extends z.ZodType> {
  /** The shared request schema the values must pass before anything else happens. */
  schema: S;
  /** The form's values as they stand, in the shape of the request. */
  input: z.input<S>;
  /**
   * Where the values travel in the request; problem paths start with it. `body` unless said. A request that
   * carries note fields gives its rule instead (`noteRequestPath([])`, `attendeeRequestPath`), so a refused
   * note field is `['fields', <field>, …]` here as it is from the API.
   */
  location?: RequestLocation | BodyProblemPath;
  /** Runs at the start of each submit that is not ignored, before the check (e.g. hides an old success). */
  onAttempt?: () => void;
}

/** A form whose checked values go to the API. */
export interface SendFormOptions<S extends z.ZodType, R> extends SchemaFormBase<S>, SendHandlers<R> {
  /** Starts the API call with the checked request. */
  send: (value: z.infer<S>) => Promise<R>;
  apply?: never;
}

/** A form whose checked values are used on the page itself (filters that go into the URL). */
export interface ApplyFormOptions<S extends z.ZodType> extends SchemaFormBase<S> {
  /** Uses the checked request; the problems shown so far are cleared first. */
  apply: (value: z.infer<S>) => void;
  send?: never;
}

export type SchemaFormOptions<S extends z.ZodType, R> = SendFormOptions<S, R> | ApplyFormOptions<S>;

export interface SchemaForm extends Pick<Submission, 'problems' | 'focusKey' | 'submitting'> {
  /** The form's `onSubmit`. Ignored while an API call is under way. */
  submit: (event: FormEvent<HTMLFormElement>) => void;
}

/**
 * A form checked with a shared request schema and then sent or applied; see the module comment.
 *
 * @param options - the schema and current values, and what to do with them once they pass
 */
export function useSchemaForm<S extends z.ZodType, R>(options: SchemaFormOptions<S, R>): SchemaForm {
  const submission = useSubmission();

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (submission.submitting) {
      return;
    }
    options.onAttempt?.();
    const checked = validate(options.schema, options.input, options.location ?? 'body');
    if (!checked.ok) {
      submission.fail(checked.problems);
      return;
    }
    if (options.apply !== undefined) {
      submission.clear();
      options.apply(checked.value);
      return;
    }
    const { send } = options;
    submission.send(() => send(checked.value), options);
  };

  const { problems, focusKey, submitting } = submission;
  return { problems, focusKey, submitting, submit };
}
