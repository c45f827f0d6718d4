/**
 * @module web/session/session-timeout-warning
 * Warns two minutes before the session ends, so the user can stay signed in with one action
 * (WCAG 2.2.1 Timing Adjustable), and checks with the server once the time is up.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { JSX } from 'react';
import { asApiError } from '../api/index.js';
import { Dialog } from '../components/dialog.js';
import { formatDuration, formatTime } from '../lib/format.js';

/** Browser-clock times of the running session. */
export interface SessionTiming {
  /** How long the server keeps an idle session (measured from the session answer). */
  idleWindowMs: number;
  /** When the server last answered a request made with the session. */
  lastActivityAt: number;
  /** When the session ends regardless of activity. */
  absoluteEndsAt: number;
}

export interface SessionTimeoutWarningProps {
  getTiming: () => SessionTiming | null;
  /** Extends the session (any request made with the session slides the idle expiry). */
  onStay: () => Promise<void>;
  onSignOut: () => Promise<void>;
  /** Called once the session should have ended: asks the server, which ends the app session on 401. */
  onDeadline: () => Promise<void>;
}

/** Warn this long before the end; for short idle windows (configurable), a quarter of the window. */
const WARN_BEFORE_MS = 2 * 60_000;
const TICK_MS = 1_000;
/** Wait between server checks once the deadline has passed (e.g. while the server is unreachable). */
const RECHECK_MS = 30_000;

type Phase =
  { kind: 'quiet' } | { kind: 'idle'; remainingMs: number } | { kind: 'time-limit'; endsAt: number };

export function SessionTimeoutWarning({
  getTiming,
  onStay,
  onSignOut,
  onDeadline,
}: SessionTimeoutWarningProps): JSX.Element {
  const [phase, setPhase] = useState<Phase>({ kind: 'quiet' });
  const [error, setError] = useState<string | null>(null);
  const dismissedTimeLimit = useRef(false);
  const nextCheckAt = useRef(0);
  const stayButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const tick = (): void => {
      const timing = getTiming();
      if (timing === null) {
        return;
      }
      const now = Date.now();
      const idleEndsAt = timing.lastActivityAt + timing.idleWindowMs;
      if (now >= Math.min(idleEndsAt, timing.absoluteEndsAt)) {
        if (now >= nextCheckAt.current) {
          nextCheckAt.current = now + RECHECK_MS;
          onDeadline().catch(() => undefined);
        }
        return;
      }
      if (timing.absoluteEndsAt <= idleEndsAt && timing.absoluteEndsAt - now <= WARN_BEFORE_MS) {
        const endsAt = timing.absoluteEndsAt;
        setPhase(dismissedTimeLimit.current ? { kind: 'quiet' } : { kind: 'time-limit', endsAt });
        return;
      }
      if (idleEndsAt - now <= Math.min(WARN_BEFORE_MS, timing.idleWindowMs / 4)) {
        setPhase({ kind: 'idle', remainingMs: idleEndsAt - now });
        return;
      }
      setPhase((previous) => (previous.kind === 'quiet' ? previous : { kind: 'quiet' }));
      setError(null);
    };
    const timer = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(timer);
  }, [getTiming, onDeadline]);

  const stay = (): void => {
    setError(null);
    onStay().then(
      () => setPhase({ kind: 'quiet' }),
      (failure: unknown) => setError(asApiError(failure).message),
    );
  };
  const signOut = (): void => {
    onSignOut().catch((failure: unknown) => setError(asApiError(failure).message));
  };

  return (
    <Dialog
      open={phase.kind !== 'quiet'}
      titleId={titleId}
      descriptionId={descriptionId}
      initialFocus={stayButton}
      role="alertdialog"
      onCancel={() => {
        if (phase.kind === 'idle') {
          stay();
        } else {
          dismissedTimeLimit.current = true;
          setPhase({ kind: 'quiet' });
        }
      }}
    >
      <h2 id={titleId}>Your session is about to end</h2>
      {phase.kind === 'time-limit' ? (
        <p id={descriptionId}>
          Sessions have a time limit. You will be signed out at {formatTime(phase.endsAt)}; sign in again to
          carry on. Finish or save what you are doing now.
        </p>
      ) : (
        <p id={descriptionId}>
          You will be signed out in{' '}
          <strong>{formatDuration(phase.kind === 'idle' ? phase.remainingMs : 0)}</strong> because there has
          been no activity. Changes you have not saved will be lost.
        </p>
      )}
      {error === null ? null : (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        {phase.kind === 'time-limit' ? (
          <button
            ref={stayButton}
            type="button"
            className="button"
            onClick={() => {
              dismissedTimeLimit.current = true;
              setPhase({ kind: 'quiet' });
            }}
          >
            Continue
          </button>
        ) : (
          <button ref={stayButton} type="button" className="button" onClick={stay}>
            Stay signed in
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={signOut}>
          Sign out
        </button>
      </div>
    </Dialog>
  );
}
