/**
 * @module web/lib/payers
 * The payers this server has rules for, by name. Which payer packs exist is the server's to say (its
 * built-in packs and any pack files it loaded at start-up), so the web app holds no list of pack ids: it reads
 * them, with the payer's name, from the organisation's answer (`payers`, built-in packs first). The list
 * changes only when the server restarts, so it is read once and kept; other readers of the organisation
 * (programs) share the same cached answer.
 *
 * @example
 * const payerName = usePayerName();
 * <td>{payerName(claim.payerPack)}</td> // "WellCare of North Carolina"
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { OrganisationResponse, Payer, PayerPackId } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import type { ApiError } from '../api/index.js';

/** The installed packs change only with a restart of the server: an hour-old list is as good as a new one. */
const PAYERS_STALE_MS = 60 * 60 * 1000;

const selectPayers = (answer: OrganisationResponse): Payer[] => answer.payers;

/** One empty list while loading, so the answer keeps its identity from render to render. */
const NO_PAYERS: readonly Payer[] = [];

/** The query of the payers, for a page that shows their loading or failure (`QueryView`). */
export function usePayersQuery(): UseQueryResult<Payer[], ApiError> {
  return useQuery({ ...apiQuery('/api/v1/organisation'), staleTime: PAYERS_STALE_MS, select: selectPayers });
}

/** Every payer the server has rules for, built-in first; empty while loading or when they cannot be read. */
export function usePayers(): readonly Payer[] {
  return usePayersQuery().data ?? NO_PAYERS;
}

/**
 * A payer's name from its pack id; the id itself when the list has not loaded, or for a pack the server no
 * longer has (a claim made under a pack file since removed), so something true is always shown.
 *
 * @param payers - the payers, as {@link usePayers} gives them
 * @param id - a payer pack id
 */
export function payerName(payers: readonly Payer[], id: PayerPackId): string {
  return payers.find((payer) => payer.id === id)?.name ?? id;
}

/** {@link payerName} over the server's payers, for pages that name payers in tables and sentences. */
export function usePayerName(): (id: PayerPackId) => string {
  const payers = usePayers();
  return useCallback((id: PayerPackId) => payerName(payers, id), [payers]);
}

/** The payers as choices of a select: the pack id as the value, the payer's name as the label. */
export function payerChoices(payers: readonly Payer[]): { value: PayerPackId; label: string }[] {
  return payers.map((payer) => ({ value: payer.id, label: payer.name }));
}
