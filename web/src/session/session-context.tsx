/**
 * @module web/session/session-context
 * Who is signed in, and for how long. The provider checks the session cookie once at start-up, listens to
 * every API call (a 401 ends the session; any other answer slides the idle expiry), keeps other tabs of
 * the same browser informed, and warns before the idle limit ends the session.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { JSX, ReactNode } from 'react';
import type { SessionResponse } from '../../../src/shared/index.js';
import {
  api,
  asApiError,
  isAbortError,
  ok,
  publicApi,
  queryClient,
  serverTimeToLocal,
  setSessionSignals,
} from '../api/index.js';
import type { ApiError } from '../api/index.js';
import { SessionTimeoutWarning } from './session-timeout-warning.js';
import type { SessionTiming } from './session-timeout-warning.js';

/**
 * The current session. Without the session when checking whether anyone is signed in at all; with it when
 * the app believes it is signed in, so that a 401 ends the session in the app too.
 */
function getSession(options: { withSession: boolean; signal?: AbortSignal }): Promise<SessionResponse> {
  const client = options.withSession ? api : publicApi;
  return ok(client.GET('/api/v1/auth/session', { signal: options.signal }));
}

/** Why the user is on the sign-in page, shown there as a notice. */
export type SessionNotice =
  { kind: 'signed-out' } | { kind: 'idle'; minutes: number } | { kind: 'time-limit' } | { kind: 'ended' };

export type SessionState =
  | { status: 'checking' }
  | { status: 'unavailable'; error: ApiError }
  | { status: 'anonymous'; notice: SessionNotice | null }
  | { status: 'authenticated'; session: SessionResponse };

export interface SessionContextValue {
  state: SessionState;
  /** Starts the app session from a successful login answer. */
  signIn: (session: SessionResponse) => void;
  /** Ends the session on the server, then here. Throws an ApiError when the server could not be told. */
  signOut: () => Promise<void>;
  /** Fetches the session again (slides the idle expiry; picks up changed roles). */
  refresh: () => Promise<void>;
  /** Checks the session cookie again after the server could not be reached at start-up. */
  retry: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** A little slack for clock differences when deciding why a session ended. */
const SLACK_MS = 5_000;
const CHANNEL_NAME = 'peerline-session';

type TabMessage = { type: 'active' } | { type: 'signed-in' } | { type: 'signed-out' };

function isTabMessage(value: unknown): value is TabMessage {
  if (typeof value !== 'object' || value === null || !('type' in value)) {
    return false;
  }
  return value.type === 'active' || value.type === 'signed-in' || value.type === 'signed-out';
}

function timingOf(session: SessionResponse): SessionTiming {
  const now = Date.now();
  return {
    // The server slides the idle expiry by a fixed window on every request; measure that window once.
    idleWindowMs: Math.max(serverTimeToLocal(session.idleExpiresAt) - now, 60_000),
    lastActivityAt: now,
    absoluteEndsAt: serverTimeToLocal(session.absoluteExpiresAt),
  };
}

/** Why a session that was running has just been refused by the server. */
function noticeForEnd(timing: SessionTiming): SessionNotice {
  const now = Date.now();
  if (now >= timing.absoluteEndsAt - SLACK_MS) {
    return { kind: 'time-limit' };
  }
  if (now >= timing.lastActivityAt + timing.idleWindowMs - SLACK_MS) {
    return { kind: 'idle', minutes: Math.round(timing.idleWindowMs / 60_000) };
  }
  return { kind: 'ended' };
}

/** Provides {@link useSession} to everything inside it. Render it inside the router. */
export function SessionProvider({ children }: { children: ReactNode }): JSX.Element {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [checkAttempt, setCheckAttempt] = useState(0);
  const timing = useRef<SessionTiming | null>(null);
  const channel = useRef<BroadcastChannel | null>(null);

  const start = useCallback((session: SessionResponse) => {
    if (timing.current === null) {
      // Someone has just signed in: nothing read for an earlier session may show.
      queryClient.clear();
    }
    timing.current = timingOf(session);
    setState({ status: 'authenticated', session });
  }, []);

  const end = useCallback((notice: SessionNotice | null) => {
    timing.current = null;
    // What the ended session read stays out of reach of whoever signs in next on this browser.
    queryClient.clear();
    setState({ status: 'anonymous', notice });
  }, []);

  // Initial check: is there a session cookie already?
  useEffect(() => {
    const controller = new AbortController();
    getSession({ withSession: false, signal: controller.signal }).then(start, (error: unknown) => {
      if (controller.signal.aborted || isAbortError(error)) {
        return;
      }
      const apiError = asApiError(error);
      if (apiError.status === 401) {
        end(null);
      } else {
        setState({ status: 'unavailable', error: apiError });
      }
    });
    return () => controller.abort();
  }, [start, end, checkAttempt]);

  // Hear about every API call made with the session, and tell other tabs.
  useEffect(() => {
    setSessionSignals({
      ended: () => {
        if (timing.current !== null) {
          end(noticeForEnd(timing.current));
        }
      },
      active: () => {
        if (timing.current !== null) {
          timing.current.lastActivityAt = Date.now();
          channel.current?.postMessage({ type: 'active' } satisfies TabMessage);
        }
      },
    });
    return () => setSessionSignals(null);
  }, [end]);

  // Other tabs of the same browser share the cookie: follow their activity, sign-ins and sign-outs.
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') {
      return;
    }
    const tabs = new BroadcastChannel(CHANNEL_NAME);
    channel.current = tabs;
    tabs.onmessage = (event: MessageEvent<unknown>) => {
      if (!isTabMessage(event.data)) {
        return;
      }
      switch (event.data.type) {
        case 'active':
          if (timing.current !== null) {
            timing.current.lastActivityAt = Date.now();
          }
          return;
        case 'signed-out':
          if (timing.current !== null) {
            end({ kind: 'signed-out' });
          }
          return;
        case 'signed-in':
          if (timing.current === null) {
            getSession({ withSession: false }).then(start, () => undefined);
          }
          return;
      }
    };
    return () => {
      channel.current = null;
      tabs.close();
    };
  }, [start, end]);

  const signIn = useCallback(
    (session: SessionResponse) => {
      start(session);
      channel.current?.postMessage({ type: 'signed-in' } satisfies TabMessage);
    },
    [start],
  );

  const signOut = useCallback(async () => {
    try {
      await publicApi.POST('/api/v1/auth/logout', { body: {} });
    } catch (error) {
      const apiError = asApiError(error);
      // 401: the session had already ended, which is what the user wants.
      if (apiError.status !== 401) {
        throw apiError;
      }
    }
    channel.current?.postMessage({ type: 'signed-out' } satisfies TabMessage);
    end({ kind: 'signed-out' });
  }, [end]);

  const refresh = useCallback(async () => {
    // With the session: a 401 here ends the app session through the `ended` signal.
    start(await getSession({ withSession: true }));
  }, [start]);

  const getTiming = useCallback(() => timing.current, []);

  const retry = useCallback(() => {
    setState({ status: 'checking' });
    setCheckAttempt((value) => value + 1);
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signOut, refresh, retry }),
    [state, signIn, signOut, refresh, retry],
  );

  return (
    <SessionContext.Provider value={value}>
      {children}
      {state.status === 'authenticated' ? (
        <SessionTimeoutWarning
          getTiming={getTiming}
          onStay={refresh}
          onSignOut={signOut}
          onDeadline={refresh}
        />
      ) : null}
    </SessionContext.Provider>
  );
}

/** The session state and actions. Must be used inside {@link SessionProvider}. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) {
    throw new Error('useSession must be used inside <SessionProvider>.');
  }
  return value;
}

/** The signed-in session; for components that only render inside the signed-in app. */
export function useSignedInSession(): SessionResponse {
  const { state } = useSession();
  if (state.status !== 'authenticated') {
    throw new Error('useSignedInSession must be used inside the signed-in app.');
  }
  return state.session;
}
