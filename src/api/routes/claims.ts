/**
 * @module api/routes/claims
 * POST /api/v1/claims/preview (a service judged as a claim under its payer's rules) and GET
 * /api/v1/payer-packs (the loaded rule packs with their sources). Both read no stored record, but both need
 * a session: any signed-in role may call them.
 */
import { z } from 'zod';
import { ClaimPreviewRequestSchema, ClaimPreviewSchema } from '../../shared/api/claims.js';
import { PayerPackListResponseSchema } from '../../shared/api/payer-packs.js';
import type { ServiceContext } from '../../services/context.js';
import { describePacks, previewClaim } from '../../services/claims/index.js';
import { ANY_ROLE, requireUser } from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

/** `?explain=all`: include every rule evaluated, with what it compared. */
export const ClaimPreviewQuerySchema = z.object({
  explain: z.literal('all', { message: 'Use explain=all, or leave explain out.' }).optional(),
});

export function registerClaimRoutes(app: ZodApp, ctx: ServiceContext): void {
  const signedIn = requireUser(ctx, ANY_ROLE);

  app.post(
    '/api/v1/claims/preview',
    {
      preHandler: signedIn,
      schema: {
        tags: ['claims'],
        summary:
          'Judge one service as a claim: lines, problems with their sources, room under limits. Saves nothing; explain=all adds every check.',
        querystring: ClaimPreviewQuerySchema,
        body: ClaimPreviewRequestSchema,
        response: { 200: ClaimPreviewSchema, ...problemResponses(...GUARDED, 415) },
      },
    },
    async (request) => previewClaim(request.body, { explainAll: request.query.explain === 'all' }),
  );

  app.get(
    '/api/v1/payer-packs',
    {
      preHandler: signedIn,
      schema: {
        tags: ['payer-packs'],
        summary:
          'The payer rule packs: codes, modifiers, rates, limits, settings and every rule with its source.',
        response: { 200: PayerPackListResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    async () => ({ packs: describePacks() }),
  );
}
