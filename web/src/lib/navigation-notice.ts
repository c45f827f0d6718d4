/**
 * @module web/lib/navigation-notice
 * A confirmation carried to the next page in the router's location state ("Added Ana Lopez.").
 */
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

export interface NoticeState {
  notice: string;
}

/** The notice in a location's state, if it has one. */
export function noticeOf(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string') {
    return state.notice;
  }
  return null;
}

/** The notice this page was opened with; it is then removed from history so a reload does not repeat it. */
export function useNavigationNotice(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [notice] = useState(() => noticeOf(location.state));
  const hasStateNotice = noticeOf(location.state) !== null;
  useEffect(() => {
    if (hasStateNotice) {
      void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
    }
  }, [hasStateNotice, navigate, location.pathname, location.search]);
  return notice;
}
