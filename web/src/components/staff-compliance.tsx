/**
 * @module web/components/staff-compliance
 * A staff member's compliance in words: the overall status and the certification's state as badges (the
 * word carries the meaning; colour only repeats it), and each finding of the payer packs with the packs that
 * make it and the source it rests on.
 */
import type { JSX } from 'react';
import { Link } from 'react-router';
import { certificationTypeLabel } from '../../../src/shared/index.js';
import type {
  CertificationState,
  CertificationType,
  ComplianceFinding,
  ComplianceStatus,
  StaffCompliance,
} from '../../../src/shared/index.js';
import { formatDate } from '../lib/format.js';
import { usePayerName } from '../lib/payers.js';
import { SeverityBadge, SourceQuote, payerPackPath } from './payer-rules-parts.js';

export function complianceStatusLabel(status: ComplianceStatus): string {
  switch (status) {
    case 'compliant':
      return 'Compliant';
    case 'attention':
      return 'Needs attention';
    case 'not_compliant':
      return 'Not compliant';
  }
}

const STATUS_BADGE: Readonly<Record<ComplianceStatus, string>> = {
  compliant: 'badge-success',
  attention: 'badge-severity-warning',
  not_compliant: 'badge-failure',
};

export function ComplianceBadge({ status }: { status: ComplianceStatus }): JSX.Element {
  return <span className={`badge ${STATUS_BADGE[status]}`}>{complianceStatusLabel(status)}</span>;
}

export function certificationStateLabel(state: CertificationState): string {
  switch (state) {
    case 'current':
      return 'Certification current';
    case 'missing':
      return 'No certification on file';
    case 'uncertified':
      return 'Uncertified';
    case 'not_yet_issued':
      return 'Certification not yet issued';
    case 'expired':
      return 'Certification expired';
  }
}

export function CertificationBadge({ state }: { state: CertificationState }): JSX.Element {
  return (
    <span className={`badge ${state === 'current' ? 'badge-success' : 'badge-failure'}`}>
      {certificationStateLabel(state)}
    </span>
  );
}

/** "Medi-Cal Peer Support Specialist (CPS), expires Jan 31, 2027", or "None on file". */
export function certificationText(type: CertificationType | null, expiresOn: string | null): string {
  if (type === null) {
    return 'None on file';
  }
  return expiresOn === null
    ? certificationTypeLabel(type)
    : `${certificationTypeLabel(type)}, expires ${formatDate(expiresOn)}`;
}

/**
 * Which packs were checked, and why those.
 *
 * @param compliance - the staff member's compliance
 * @param payerName - the payer's name from a pack id (`usePayerName`)
 */
export function packsCheckedText(compliance: StaffCompliance, payerName: (id: string) => string): string {
  const names = compliance.packs.map(payerName).join(', ');
  return compliance.packsFrom === 'caseload'
    ? `${names} — the payers of the programs of the members served.`
    : `${names} — nobody is on the caseload yet, so every program of the organisation.`;
}

/** The findings, most severe first, or a sentence saying there are none. */
export function ComplianceFindings({ compliance }: { compliance: StaffCompliance }): JSX.Element {
  if (compliance.findings.length === 0) {
    return <p>No problems under these payers’ rules on {formatDate(compliance.asOf)}.</p>;
  }
  return (
    <ul className="plain-list compliance-findings">
      {compliance.findings.map((finding, index) => (
        <li key={`${finding.code}-${index}`} className="card">
          <FindingText finding={finding} />
        </li>
      ))}
    </ul>
  );
}

function FindingText({ finding }: { finding: ComplianceFinding }): JSX.Element {
  const source = finding.source;
  const firstPack = finding.packs[0];
  const payerName = usePayerName();
  return (
    <>
      <p>
        <SeverityBadge severity={finding.severity} /> {finding.message}
      </p>
      <p className="field-hint">Payer rules: {finding.packs.map(payerName).join(', ')}</p>
      {source?.quote === undefined ? null : (
        <details>
          <summary>Source</summary>
          <SourceQuote
            citation={{ document: source.document, section: source.section ?? '', quote: source.quote }}
          />
          {source.ruleId === undefined || firstPack === undefined ? null : (
            <p>
              Rule <Link to={payerPackPath(firstPack, source.ruleId)}>{source.ruleId}</Link>
            </p>
          )}
        </details>
      )}
    </>
  );
}
