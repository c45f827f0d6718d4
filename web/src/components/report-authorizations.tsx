/**
 * @module web/components/report-authorizations
 * The authorization use section: each prior authorization valid in the range with the units used and left,
 * the share used and the days left, and a chart of the share used.
 */
import { useQuery } from '@tanstack/react-query';
import type { JSX } from 'react';
import type { ReportQuery } from '../../../src/shared/api/reports.js';
import { apiHref, apiQuery } from '../api/index.js';
import { formatDate } from '../lib/format.js';
import { authorizedService } from './billing-parts.js';
import { usePayerName } from '../lib/payers.js';
import { ReportBarChart } from './report-bar-chart.js';
import { formatPercent, ReportSection, ReportTable } from './report-section.js';

const AUTHORIZATION_COLUMNS = [
  { label: 'Number' },
  { label: 'Member' },
  { label: 'Payer' },
  { label: 'Service' },
  { label: 'Valid' },
  { label: 'Units', numeric: true },
  { label: 'Used', numeric: true },
  { label: 'Left', numeric: true },
  { label: 'Share used', numeric: true },
  { label: 'Days left', numeric: true },
] as const;

export function AuthorizationUseReportSection({ query }: { query: ReportQuery }): JSX.Element {
  const report = useQuery(apiQuery('/api/v1/reports/authorizations', { query }));
  const payerName = usePayerName();
  return (
    <ReportSection
      title="Authorization use"
      intro={
        <p>
          Prior authorizations valid on any of these dates, with the units the claims in force have used so
          far.
        </p>
      }
      report={report}
      csvHref={apiHref('/api/v1/reports/authorizations.csv', { query })}
    >
      {(report) =>
        report.authorizations.length === 0 ? (
          <p>No authorization is valid in these dates for these filters.</p>
        ) : (
          <>
            <ReportBarChart
              title="Share of units used, by authorization"
              max={100}
              bars={report.authorizations.map((each) => ({
                key: each.id,
                label: `${each.number} · ${each.member.displayName}`,
                value: each.usedPercent ?? 0,
                valueText: `${formatPercent(each.usedPercent)} used (${each.usedUnits} of ${each.units})`,
              }))}
            />
            <ReportTable
              caption={`Authorizations, days left counted from ${formatDate(report.today)}`}
              columns={AUTHORIZATION_COLUMNS}
            >
              <tbody>
                {report.authorizations.map((each) => (
                  <tr key={each.id}>
                    <th scope="row">{each.number}</th>
                    <td>{each.member.displayName}</td>
                    <td>{payerName(each.payerPack)}</td>
                    <td className="nowrap">{authorizedService(each)}</td>
                    <td className="nowrap">
                      {formatDate(each.from)} to {formatDate(each.to)}
                    </td>
                    <td className="numeric">{each.units}</td>
                    <td className="numeric">{each.usedUnits}</td>
                    <td className="numeric">{each.remainingUnits}</td>
                    <td className="numeric">{formatPercent(each.usedPercent)}</td>
                    <td className="numeric">{each.daysLeft}</td>
                  </tr>
                ))}
              </tbody>
            </ReportTable>
          </>
        )
      }
    </ReportSection>
  );
}
