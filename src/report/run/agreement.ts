import type { Outcome } from '../../core/domain.js';
import { redLinesCrossed } from '../../core/party.js';
import type { ProvenanceNote } from '../../core/provenance.js';
import type { Scenario } from '../../core/scenario.js';
import type { ProtocolEvent } from '../../protocols/events.js';
import { AssumedNumbers, ASSUMED_MARK } from '../analysis/assumed.js';
import { packageText, who } from './narrate.js';
import type { RunOutcome } from '../../session/simulate.js';
import { answersTo, lastText } from '../../protocols/log-queries.js';
import { answerText, whyText } from './why.js';

const noteAt = (scenario: Scenario, path: string): ProvenanceNote | undefined =>
  scenario.notes.find((n) => n.path === path);

function sourceLine(note: ProvenanceNote | undefined): string[] {
  const out: string[] = [];
  if (note?.source) out.push(`  - Source: “${note.source.quote}” (${note.source.file})`);
  if (note?.assumed) out.push(`  - *Assumed*${note.reason ? `: ${note.reason.trim()}` : ''}`);
  return out;
}

/** The package by phase: each phase's name and description, then each issue with its value and source. */
export function packageMarkdown(scenario: Scenario, text: Outcome): string[] {
  const domain = scenario.domain;
  const groups = domain.phases.length
    ? domain.phases.map((ph) => ({
        title: ph.name,
        description: ph.description,
        issues: ph.issues,
        note: noteAt(scenario, `phases.${ph.name}`),
      }))
    : [{ title: 'Terms', description: undefined, issues: domain.issues.map((i) => i.name), note: undefined }];
  const unphased = domain.phases.length
    ? domain.issues.filter((i) => !domain.phases.some((ph) => ph.issues.includes(i.name))).map((i) => i.name)
    : [];
  if (unphased.length) groups.push({ title: 'Other terms', description: undefined, issues: unphased, note: undefined });
  const lines: string[] = [];
  for (const g of groups) {
    lines.push(`### ${g.title}`, '');
    if (g.description) lines.push(g.description.trim(), '');
    for (const name of g.issues) {
      const issue = domain.issues.find((i) => i.name === name);
      lines.push(`- **${name}**: ${String(text[name])}${issue?.description ? ` — ${issue.description.trim()}` : ''}`);
      lines.push(...sourceLine(noteAt(scenario, `issues.${name}`)));
    }
    lines.push('');
  }
  return lines;
}

function seatsMarkdown(run: RunOutcome): string[] {
  const { scenario } = run.plan;
  const lines = ['## Parties and mediators', ''];
  for (const p of scenario.parties) {
    const d = scenario.roles.delegations.find((x) => x.party === p.name);
    const seat = run.plan.seats.find((s) => s.kind === 'delegation' && s.party === p.name);
    lines.push(
      `- **${p.name}**${d ? `, represented by the ${d.name}${d.present ? '' : ' (not at the table)'}` : ''}${seat ? `; played by \`${seat.spec.strategy}\`` : ''}`,
    );
  }
  for (const m of run.plan.seats.filter((s) => s.kind === 'mediator'))
    lines.push(
      `- Mediator **${m.role}**, played by \`${m.spec.strategy}\`${m.spec.params?.lead === true ? ' (lead: drafts and tables the texts)' : ''}`,
    );
  return [...lines, ''];
}

function ratifiedBy(events: readonly ProtocolEvent[], proposal: string | null): string[] {
  return events
    .filter((e) => e.kind === 'ratified' && e.proposal === proposal)
    .map((e) => (e.kind === 'ratified' ? who(e.actor) : ''));
}

function improvementsMarkdown(run: RunOutcome): string[] {
  if (!run.result.outcome || run.improvements.length === 0) return [];
  const lines = [
    '## Post-settlement improvements',
    '',
    'Packages every party weakly prefers to the agreement, and one strictly (best Nash product first):',
    '',
  ];
  for (const p of run.improvements.slice(0, 5)) {
    const changed = Object.fromEntries(
      Object.entries(p.outcome).filter(([k, v]) => String(run.result.outcome![k]) !== String(v)),
    );
    lines.push(`- utilities (${p.utilities.map((u) => u.toFixed(3)).join(', ')}): change ${packageText(changed)}`);
  }
  return [...lines, ''];
}

/** The red lines a package crosses, each with the report it comes from. */
function crossedMarkdown(run: RunOutcome, text: Outcome): string[] {
  const lines = run.parties.flatMap((p) =>
    redLinesCrossed(p, text).map(
      (l) =>
        `- ${p.name}'s red line on **${l.issue}**${l.description ? `: ${l.description.trim()}` : ''}${l.source ? `\n  - Source: “${l.source.quote}” (${l.source.file})` : ''}`,
    ),
  );
  return lines.length ? ['It crosses:', '', ...lines, ''] : [];
}

function noAgreementMarkdown(run: RunOutcome): string[] {
  const { scenario } = run.plan;
  const events = run.log.events;
  const last = lastText(events);
  const lines: string[] = [];
  if (last) {
    lines.push(
      `## The last package on the table: ${last.proposal} (from ${who(last.by)})`,
      '',
      ...packageMarkdown(scenario, last.text),
    );
    lines.push(...crossedMarkdown(run, last.text));
  }
  const proposals = [
    ...new Set(
      events.flatMap((e) =>
        'proposal' in e &&
        (e.kind === 'package-response' || e.kind === 'text-response' || e.kind === 'ratification-refused')
          ? [e.proposal]
          : [],
      ),
    ),
  ];
  if (proposals.length) {
    lines.push('## Who rejected what', '', `Every package answered in the talks (${proposals.length}), in order:`, '');
    for (const id of proposals)
      lines.push(`- **${id}**: ${[...new Set(answersTo(events, id).map(answerText))].join('; ')}`);
    lines.push('');
  }
  return lines;
}

/**
 * The agreement as a readable Markdown document: the package by phase with each fact's
 * source and each assumed number marked, the parties, mediators and who ratified; or, when
 * there is no agreement, the last package, who rejected what and why the talks ended.
 */
export function agreementMarkdown(run: RunOutcome): string {
  const { scenario } = run.plan;
  const { result } = run;
  const title = scenario.title ?? scenario.name;
  const lines = [result.agreement ? `# Agreement: ${title}` : `# No agreement: ${title}`, ''];
  lines.push(
    `Simulated with parley (${result.protocol}, seed ${result.seed}): ${result.rounds} rounds, time ${result.time}. This is a simulation of a model, not a record of real talks.`,
    '',
  );
  lines.push(...seatsMarkdown(run));
  if (result.agreement && result.outcome) {
    const ratifiers = ratifiedBy(run.log.events, result.proposal);
    lines.push(
      `## The agreed package: ${result.proposal}`,
      '',
      ratifiers.length
        ? `Ratified by ${ratifiers.join(' and ')}.`
        : `Accepted by ${result.parties.map((p) => p.party).join(', ')}.`,
      '',
    );
    lines.push(...packageMarkdown(scenario, result.outcome), ...improvementsMarkdown(run));
  } else lines.push(...noAgreementMarkdown(run));
  lines.push('## Why the talks ended as they did', '', ...whyText(run).map((l) => `- ${l}`), '');
  const assumed = new AssumedNumbers(scenario);
  lines.push('## Utilities', '', '| Party | Utility | Reservation |', '| --- | ---: | ---: |');
  result.parties.forEach((r, i) => {
    const u = assumed.mark(r.utility.toFixed(3), assumed.utilities(r.party));
    lines.push(
      `| ${r.party} | ${u} | ${assumed.mark(run.parties[i]!.reservation.toFixed(3), assumed.reservation(r.party))} |`,
    );
  });
  if (assumed.any)
    lines.push(
      '',
      `Numbers marked ${ASSUMED_MARK} rest on assumptions: ${assumed.notes.length} numbers of this scenario are modelling choices its sources do not state (\`parley analyze\` lists them with their reasons).`,
    );
  return lines.join('\n') + '\n';
}
