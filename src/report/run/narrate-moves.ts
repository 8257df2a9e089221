import type { ProtocolEvent } from '../../protocols/events.js';
import type { IssueAnswer } from '../../protocols/types.js';
import { capital, who } from './narrate.js';

/** Binding messages say so; non-binding ones (the default) carry no label. */
export function labelOf(binding: boolean | undefined): string {
  return binding ? ' (binding)' : '';
}

/** "… answered pkg-1 issue by issue: accepts ceasefire, captives; counters withdrawal with full; rejects …". */
export function byIssueSentence(
  actor: string,
  proposal: string,
  byIssue: Readonly<Record<string, IssueAnswer>>,
): string {
  const of = (kind: IssueAnswer['answer']) => Object.entries(byIssue).filter(([, a]) => a.answer === kind);
  const parts: string[] = [];
  const accepted = of('accept').map(([issue]) => issue);
  if (accepted.length) parts.push(`accepts ${accepted.join(', ')}`);
  const countered = of('counter').map(([issue, a]) => `${issue} with ${String((a as { value: unknown }).value)}`);
  if (countered.length) parts.push(`counters ${countered.join(', ')}`);
  const rejected = of('reject').map(([issue]) => issue);
  if (rejected.length) parts.push(`rejects ${rejected.join(', ')}`);
  return `${capital(who(actor))} answered ${proposal} issue by issue: ${parts.join('; ')}.`;
}

/** The sentence for the events of src/protocols/moves/, or null for any other event. */
export function moveSentence(
  e: ProtocolEvent,
  time: (at: number) => string,
  delegationOf: (party: string) => string,
): string | null {
  switch (e.kind) {
    case 'talks-adjourned':
      return `${capital(who(e.actor))} adjourned the talks for ${e.parties.map((p) => who(delegationOf(p))).join(' and ')} until ${time(e.until)}${e.reason ? `: ${e.reason}` : '.'}`;
    case 'held':
      return `${capital(who(e.actor))} tabled no new text in round ${e.round + 1}${e.reason ? `: ${e.reason}` : '.'}`;
    case 'caucus': {
      const other = e.actor === e.mediator ? who(delegationOf(e.party)) : e.mediator;
      return `${capital(who(e.actor))} to ${other} in private caucus${labelOf(e.binding)}: “${e.message}”`;
    }
    case 'note':
      return `Private note by ${who(e.actor)}${e.about ? ` on ${e.about}` : ''}: “${e.text}”`;
    case 'mandate': {
      const limits = Object.entries(e.limits ?? {}).map(([issue, values]) => `${issue} ${values.join(' or ')}`);
      return `${capital(who(e.actor))} gave its delegation a mandate: “${e.instructions}”${limits.length ? ` (within: ${limits.join('; ')})` : ''}.`;
    }
    case 'preferences-shared':
      return `${capital(who(e.actor))} ${e.to === 'self' ? 'set its own working preferences' : 'shared its preferences with the mediators'} (walk-away value ${e.preferences.reservation}${e.preferences.redLines.length ? `, red lines on ${e.preferences.redLines.map((l) => l.issue).join(', ')}` : ''}).`;
    default:
      return null;
  }
}
