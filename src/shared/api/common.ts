/**
 * @module shared/api/common
 * Field schemas shared by several API routes, with messages that tell the user how to fix the value.
 */
import { z } from 'zod';

export const IdSchema = z.uuid({ message: 'Must be an id as returned by the API (a UUID).' });
export const IdParamsSchema = z.object({ id: IdSchema });

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter an email address such as name@example.org.' }).max(254));

/** Minimum password length; the server also refuses passwords on a common-password list. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const NewPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, {
    message: `Use at least ${MIN_PASSWORD_LENGTH} characters; a short sentence is easy to remember.`,
  })
  .max(MAX_PASSWORD_LENGTH, { message: `Use at most ${MAX_PASSWORD_LENGTH} characters.` });

export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Enter the name colleagues know this person by.' })
  .max(120, { message: 'Use at most 120 characters.' });

/** ISO timestamp strings on the wire. */
export const TimestampSchema = z.iso.datetime({ offset: true });
/** Calendar date strings (dates of service, birth dates): YYYY-MM-DD. */
export const CalendarDateSchema = z.iso.date({ message: 'Use a date in the form YYYY-MM-DD.' });
