import type { ProtocolEvent, SessionInfo } from '../types.js';

const STAGES: Readonly<Record<string, string>> = {
  started: 'Talks open',
  'text-tabled': 'Text tabled',
  'package-tabled': 'Text tabled',
  'package-revised': 'Text revised',
  'talks-adjourned': 'Adjourned',
  adjourned: 'Delegation consults',
  returned: 'Back at the table',
  'return-missed': 'Return missed',
  'ratification-requested': 'Ratification asked',
  ratified: 'Ratified',
  'ratification-refused': 'Ratification refused',
  agreement: 'Agreement',
  'walk-away': 'Walk-away',
  deadline: 'Deadline passed',
  closed: 'Closed by the convenor',
};

/**
 * The phase timeline: the text's phases (which issues each settles) and the stages the talks
 * went through, in order, with their hour. Repeated stages of the same proposal are shown once.
 */
export function PhaseTimeline({ info, events }: { info: SessionInfo; events: readonly ProtocolEvent[] }) {
  const seen = new Set<string>();
  const stages: { key: string; label: string; at: number; detail: string }[] = [];
  for (const e of events) {
    const label = STAGES[e.kind];
    if (!label) continue;
    const proposal = 'proposal' in e ? String(e.proposal) : '';
    const key = `${label}|${proposal}`;
    if (seen.has(key) && proposal) continue;
    seen.add(key);
    stages.push({ key: `${e.seq}`, label, at: e.at, detail: proposal });
  }
  return (
    <section className="timeline" aria-label="Phase timeline">
      <h2>Phase timeline</h2>
      {info.domain.phases.length > 0 && (
        <ol className="phases">
          {info.domain.phases.map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong>: {p.issues.join(', ')}
            </li>
          ))}
        </ol>
      )}
      <ol className="stages">
        {stages.map((s) => (
          <li key={s.key}>
            <span className="when">h {s.at.toFixed(1)}</span> {s.label}
            {s.detail && <> ({s.detail})</>}
          </li>
        ))}
      </ol>
    </section>
  );
}
