import type { Domain, Outcome, ProtocolEvent, TextVersion } from './types.js';

/**
 * The versions of the single negotiating text, oldest first: every text tabled or revised
 * that this seat has seen. A package tabled to several parties at once is one version.
 */
export function textVersions(events: readonly ProtocolEvent[]): TextVersion[] {
  const out: TextVersion[] = [];
  for (const e of events) {
    if (e.kind !== 'package-tabled' && e.kind !== 'text-tabled' && e.kind !== 'package-revised') continue;
    const by = e.kind === 'package-revised' ? e.by : e.actor;
    const to = e.kind === 'text-tabled' ? 'all' : e.party;
    const same = out.find((v) => v.proposal === e.proposal && JSON.stringify(v.text) === JSON.stringify(e.text));
    if (same) {
      if (!same.to.split(', ').includes(to)) out[out.indexOf(same)] = { ...same, to: `${same.to}, ${to}` };
      continue;
    }
    out.push({
      seq: e.seq,
      at: e.at,
      proposal: e.proposal,
      text: e.text,
      by,
      to,
      ...('note' in e && e.note ? { note: e.note } : {}),
    });
  }
  return out;
}

/** The issues of an outcome grouped by the domain's phases (issues in no phase come last). */
export function byPhase(domain: Domain, text: Outcome): { phase: string; issues: [string, string | number][] }[] {
  const placed = new Set<string>();
  const groups = domain.phases.map((p) => {
    p.issues.forEach((i) => placed.add(i));
    return {
      phase: p.name,
      issues: p.issues.filter((i) => i in text).map((i) => [i, text[i]!] as [string, string | number]),
    };
  });
  const rest = Object.entries(text).filter(([i]) => !placed.has(i));
  if (rest.length) groups.push({ phase: domain.phases.length ? 'other issues' : 'the text', issues: rest });
  return groups.filter((g) => g.issues.length > 0);
}

/** The issues on which two texts differ. */
export function diff(a: Outcome, b: Outcome): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((i) => String(a[i]) !== String(b[i]));
}

/** The messages between the version before `version` and it: what led to it. */
export function ledTo(events: readonly ProtocolEvent[], versions: readonly TextVersion[], index: number) {
  const from = index > 0 ? versions[index - 1]!.seq : -1;
  const to = versions[index]!.seq;
  const kinds = new Set(['package-response', 'text-response', 'relayed', 'caucus', 'statement', 'settled', 'note']);
  return events.filter((e) => e.seq > from && e.seq < to && kinds.has(e.kind));
}

/** The values an issue may take, as the domain lists them. */
export function valuesOf(domain: Domain, issue: string): (string | number)[] {
  const i = domain.issues.find((x) => x.name === issue);
  if (!i) return [];
  if (i.kind === 'discrete') return [...i.values];
  if (i.kind === 'integer') return Array.from({ length: i.max - i.min + 1 }, (_, k) => i.min + k);
  return Array.from({ length: i.steps }, (_, k) => i.min + ((i.max - i.min) * k) / Math.max(1, i.steps - 1));
}
