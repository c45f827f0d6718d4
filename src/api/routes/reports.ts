/**
 * @module api/routes/reports
 * /api/v1/reports/…: billed units and amounts, note timeliness and authorization use over a range of dates
 * of service, each as JSON and as CSV (`….csv`). Billing staff and admins; supervisors may read timeliness
 * for their team. The services check roles and organisation again, and audit each read.
 */
import { z } from 'zod';
import {
  AuthorizationUseReportSchema,
  BilledReportSchema,
  ReportQuerySchema,
  TimelinessReportSchema,
  type AuthorizationUseReport,
  type BilledReport,
  type ReportName,
  type TimelinessReport,
  type ReportQuery,
} from '../../shared/api/reports.js';
import type { Actor, ServiceContext } from '../../services/context.js';
import {
  authorizationUseCsv,
  billedCsv,
  getAuthorizationUseReport,
  getBilledReport,
  getTimelinessReport,
  REPORT_READERS,
  TIMELINESS_READERS,
  timelinessCsv,
} from '../../services/reports/index.js';
import { authenticatedOf, requireUser } from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

/** How one report is served: who reads it, its schema, and its two forms. */
interface ReportRoute {
  name: ReportName;
  summary: string;
  readers: typeof REPORT_READERS;
  schema: typeof BilledReportSchema | typeof TimelinessReportSchema | typeof AuthorizationUseReportSchema;
  json: (
    ctx: ServiceContext,
    actor: Actor,
    query: ReportQuery,
  ) => Promise<BilledReport | TimelinessReport | AuthorizationUseReport>;
  csv: (ctx: ServiceContext, actor: Actor, query: ReportQuery) => Promise<string>;
}

/** Registers a report's JSON route and its `.csv` twin. */
function registerReport(app: ZodApp, ctx: ServiceContext, report: ReportRoute): void {
  const tags = ['reports'];
  const preHandler = requireUser(ctx, report.readers);
  app.get(
    `/api/v1/reports/${report.name}`,
    {
      preHandler,
      schema: {
        tags,
        summary: report.summary,
        querystring: ReportQuerySchema,
        response: { 200: report.schema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => report.json(ctx, authenticatedOf(request).actor, request.query),
  );
  app.get(
    `/api/v1/reports/${report.name}.csv`,
    {
      preHandler,
      schema: {
        tags,
        summary: `${report.summary} As CSV.`,
        querystring: ReportQuerySchema,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV text'), ...problemResponses(...GUARDED) },
      },
    },
    async (request, reply) => {
      const csv = await report.csv(ctx, authenticatedOf(request).actor, request.query);
      const { from, to } = request.query;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="peerline-${report.name}-${from}-to-${to}.csv"`)
        .send(csv);
    },
  );
}

export function registerReportRoutes(app: ZodApp, ctx: ServiceContext): void {
  registerReport(app, ctx, {
    name: 'billed',
    summary:
      'Billed units and amounts (current, counting claim lines) by payer, program, rendering peer, HCPCS code and month, with monthly totals.',
    readers: REPORT_READERS,
    schema: BilledReportSchema,
    json: getBilledReport,
    csv: billedCsv,
  });
  registerReport(app, ctx, {
    name: 'timeliness',
    summary:
      'Signed notes on time, late with a reason and late without, per program and per peer (supervisors: their team).',
    readers: TIMELINESS_READERS,
    schema: TimelinessReportSchema,
    json: getTimelinessReport,
    csv: timelinessCsv,
  });
  registerReport(app, ctx, {
    name: 'authorizations',
    summary: 'Prior authorizations valid in the range with units used and left, share used and days left.',
    readers: REPORT_READERS,
    schema: AuthorizationUseReportSchema,
    json: getAuthorizationUseReport,
    csv: authorizationUseCsv,
  });
}
