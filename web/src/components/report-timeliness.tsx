/**
 * @module web/components/report-timeliness
 * The note timeliness section: signed notes on time, late with a reason and late without, per program and
 * per peer, and a chart of each peer's share on time.
 */
import { useQuery } from '@tanstack/react-query';
import type { JSX } from 'react';
import type { ReportQuery, TimelinessFigures } from '../../../src/shared/api/reports.js';
import { apiHref, apiQuery } from '../api/index.js';
import { ReportBarChart } from './report-bar-chart.js';
import { formatPercent, ReportSection, ReportTable } from './report-section.js';

function count(notes: number, percent: number | null): string {
  return `${notes} (${formatPercent(percent)})`;
}

/** One table of timeliness figures, a row per program or peer and the total. */
function TimelinessTable({
  caption,
  firstColumn,
  rows,
  totals,
}: {
  caption: string;
  firstColumn: string;
  rows: readonly (TimelinessFigures & { key: string; name: string })[];
  totals: TimelinessFigures;
}): JSX.Element {
  const cells = (figures: TimelinessFigures): JSX.Element => (
    <>
      <td className="numeric">{figures.signed}</td>
      <td className="numeric">{count(figures.onTime, figures.onTimePercent)}</td>
      <td className="numeric">{count(figures.lateWithReason, figures.lateWithReasonPercent)}</td>
      <td className="numeric">{count(figures.lateWithoutReason, figures.lateWithoutReasonPercent)}</td>
    </>
  );
  return (
    <ReportTable
      caption={caption}
      columns={[
        { label: firstColumn },
        { label: 'Signed', numeric: true },
        { label: 'On time', numeric: true },
        { label: 'Late, with reason', numeric: true },
        { label: 'Late, no reason', numeric: true },
      ]}
    >
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            {cells(row)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          {cells(totals)}
        </tr>
      </tfoot>
    </ReportTable>
  );
}

export function TimelinessReportSection({ query }: { query: ReportQuery }): JSX.Element {
  const report = useQuery(apiQuery('/api/v1/reports/timeliness', { query }));
  return (
    <ReportSection
      title="Note timeliness"
      intro={
        <p>
          Signed notes for these dates of service: signed on or before their due date (in the program’s time
          zone), late with a reason written, or late without one. The payer filter does not apply — a note has
          no payer until it is billed.
        </p>
      }
      report={report}
      csvHref={apiHref('/api/v1/reports/timeliness.csv', { query })}
    >
      {(report) =>
        report.totals.signed === 0 ? (
          <p>No notes were signed for these filters.</p>
        ) : (
          <>
            <ReportBarChart
              title="Share of notes signed on time, by peer"
              max={100}
              bars={report.byPeer.map((row) => ({
                key: row.peer.id,
                label: row.peer.displayName,
                value: row.onTimePercent ?? 0,
                valueText: `${formatPercent(row.onTimePercent)} on time (${row.onTime} of ${row.signed})`,
              }))}
            />
            <TimelinessTable
              caption="Timeliness by program"
              firstColumn="Program"
              rows={report.byProgram.map((row) => ({
                ...row,
                key: row.program.id,
                name: row.program.displayName,
              }))}
              totals={report.totals}
            />
            <TimelinessTable
              caption="Timeliness by peer"
              firstColumn="Peer"
              rows={report.byPeer.map((row) => ({ ...row, key: row.peer.id, name: row.peer.displayName }))}
              totals={report.totals}
            />
          </>
        )
      }
    </ReportSection>
  );
}
