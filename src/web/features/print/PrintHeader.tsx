import { formatInstant } from '../../components/dates';
import { useSession } from '../session/useSession';
import './print.css';

/**
 * What a printed page says of itself (issue #14): the organisation, what is printed and its
 * version, and when it was printed. Shown on paper only (print.css).
 */
export function PrintHeader({ title, version }: { title: string; version?: number }) {
  const session = useSession();
  const organisation = session.data?.organisation.name;
  return (
    <div className="print-header" data-testid="print-header">
      <span>
        {organisation ? `${organisation} · ` : ''}
        {title}
        {version === undefined ? '' : ` · version ${version}`}
      </span>
      <span>Printed {formatInstant(new Date().toISOString())}</span>
    </div>
  );
}
