/**
 * @module web/components/report-billed
 * The billed units and amounts section: a row per payer, program, peer, code and month with the total, and
 * a chart of the amount billed each month.
 */
import { useQuery } from '@tanstack/react-query';
import type { JSX } from 'react';
import type { ReportQuery } from '../../../src/shared/api/reports.js';
import { apiHref, apiQuery } from '../api/index.js';
import { formatCents } from '../lib/format.js';
import { usePayerName } from '../lib/payers.js';
import { ReportBarChart } from './report-bar-chart.js';
import { formatMonth, ReportSection, ReportTable } from './report-section.js';

const BILLED_COLUMNS = [
  { label: 'Month' },
  { label: 'Payer' },
  { label: 'Program' },
  { label: 'Peer' },
  { label: 'Code' },
  { label: 'Lines', numeric: true },
  { label: 'Units', numeric: true },
  { label: 'Charged', numeric: true },
  { label: 'Expected payment', numeric: true },
] as const;

/** The expected payment, saying how many lines had no rate on file (their payment is not in the sum). */
function ExpectedPayment({
  figures,
}: {
  figures: { expectedCents: number; linesWithoutRate: number };
}): JSX.Element {
  if (figures.linesWithoutRate === 0) return <>{formatCents(figures.expectedCents)}</>;
  return (
    <>
      {formatCents(figures.expectedCents)}{' '}
      <span className="muted">
        ({figures.linesWithoutRate} {figures.linesWithoutRate === 1 ? 'line' : 'lines'} with no rate on file)
      </span>
    </>
  );
}

export function BilledReportSection({ query }: { query: ReportQuery }): JSX.Element {
  const report = useQuery(apiQuery('/api/v1/reports/billed', { query }));
  const payerName = usePayerName();
  return (
    <ReportSection
      title="Billed units and amounts"
      intro={
        <p>
          Claim lines in force for these dates of service — voided and replaced claims left out — by payer,
          program, rendering peer, code and month.
        </p>
      }
      report={report}
      csvHref={apiHref('/api/v1/reports/billed.csv', { query })}
    >
      {(report) => (
        <>
          <ReportBarChart
            title="Charged by month"
            bars={report.byMonth.map((month) => ({
              key: month.month,
              label: formatMonth(month.month),
              value: month.chargeCents,
              valueText: `${formatCents(month.chargeCents)} charged, ${formatCents(month.expectedCents)} expected (${month.units} units)`,
            }))}
          />
          {report.rows.length === 0 ? (
            <p>Nothing was billed for these filters.</p>
          ) : (
            <ReportTable caption="Billed by payer, program, peer, code and month" columns={BILLED_COLUMNS}>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={`${row.payerPack}/${row.program.id}/${row.peer.id}/${row.code}/${row.month}`}>
                    <td className="nowrap">{formatMonth(row.month)}</td>
                    <td>{payerName(row.payerPack)}</td>
                    <td>{row.program.displayName}</td>
                    <td>{row.peer.displayName}</td>
                    <td>{row.code}</td>
                    <td className="numeric">{row.lines}</td>
                    <td className="numeric">{row.units}</td>
                    <td className="numeric">{formatCents(row.chargeCents)}</td>
                    <td className="numeric">
                      <ExpectedPayment figures={row} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={5}>
                    Total
                  </th>
                  <td className="numeric">{report.totals.lines}</td>
                  <td className="numeric">{report.totals.units}</td>
                  <td className="numeric">{formatCents(report.totals.chargeCents)}</td>
                  <td className="numeric">
                    <ExpectedPayment figures={report.totals} />
                  </td>
                </tr>
              </tfoot>
            </ReportTable>
          )}
        </>
      )}
    </ReportSection>
  );
}
