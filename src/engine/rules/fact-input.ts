/**
 * @module engine/rules/fact-input
 * What every fact is derived from: the request, its minutes and units, the pack judging it, and the two dates
 * a pack's settings move (the note due date and the supervisor training due date), computed once per service.
 */
import type { ClaimPreviewRequest } from '../../shared/api/claims.js';
import { addBusinessDaysToDateNumber } from '../calendar/business-days.js';
import { dateNumber } from '../calendar/date.js';
import { addBusinessDays, addDays, type CalendarDate } from '../calendar/index.js';

/** What every fact is derived from: the request, its minutes and units, and the dates a pack's settings set. */
export interface FactInput {
  readonly request: ClaimPreviewRequest;
  /** The date of service, read once: see `FACT_TABLE` on why each field of the service is read once. */
  readonly dateOfService: CalendarDate;
  /** The date of service as `dateNumber` reads it (YYYYMMDD), read once for the due date and every age. */
  readonly dateOfServiceNumber: number;
  readonly minutes: number;
  readonly units: number;
  readonly payerPack: string;
  readonly noteDueOn: CalendarDate;
  readonly supervisorTrainingDueOn: CalendarDate | null;
}

/** The settings that move the two dates a fact input holds, as numbers of days. */
export interface DaySettings {
  readonly noteDueBusinessDays: number;
  readonly supervisorTrainingDays: number;
}

export interface FactOptions extends DaySettings {
  readonly payerPack: string;
}

/**
 * The input of the fact derivations. The two dates a setting moves are computed here, once, for every pack:
 * the note due date is part of every preview, and a bad setting must fail the same way whatever the pack reads.
 */
export function factInput(
  request: ClaimPreviewRequest,
  minutes: number,
  units: number,
  payerPack: string,
  days: DaySettings,
): FactInput {
  const supervision = request.staff.supervision;
  const dateOfService = request.service.dateOfService;
  const dateOfServiceNumber = dateNumber(dateOfService);
  return {
    request,
    dateOfService,
    dateOfServiceNumber,
    minutes,
    units,
    payerPack,
    // A date that is not one fails in `addBusinessDays`, with the error it always gave.
    noteDueOn:
      dateOfServiceNumber < 0
        ? addBusinessDays(dateOfService, days.noteDueBusinessDays)
        : addBusinessDaysToDateNumber(dateOfService, dateOfServiceNumber, days.noteDueBusinessDays),
    supervisorTrainingDueOn:
      supervision === undefined ? null : addDays(supervision.startedOn, days.supervisorTrainingDays),
  };
}
