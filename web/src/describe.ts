import type { Outcome, ProtocolEvent } from './types.js';

export const outcomeText = (o: Outcome | undefined) =>
  o
    ? Object.entries(o)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')
    : '';

/** Whether a message is a formal position (binding), exploratory (non-binding), or not a message at all. */
export function bindingOf(e: ProtocolEvent): boolean | null {
  if (e.kind === 'statement' || e.kind === 'relayed' || e.kind === 'caucus') return e.binding === true;
  return null;
}

/** Who may see an event, in words: the reader knows why it is on their screen. */
export function audienceText(e: ProtocolEvent): string {
  const a = e.audience;
  switch (a.kind) {
    case 'all':
      return 'public';
    case 'mediators':
      return 'mediators';
    case 'party':
      return `to ${a.party}`;
    case 'caucus':
      return `caucus ${a.mediator}–${a.party}`;
    case 'side':
      return `${a.party}'s side`;
    case 'seat':
      return 'private note';
    default:
      return a.kind;
  }
}

/** One line that says what happened, for every event kind. */
export function describe(e: ProtocolEvent): string {
  switch (e.kind) {
    case 'started':
      return `Talks open (${e.protocol}) between ${e.parties.join(', ')}.`;
    case 'outside-event':
      return `Outside event: ${e.title}.`;
    case 'deadline-moved':
      return `Deadline moved (${e.cause}): ${e.deadline.time !== undefined ? `hour ${e.deadline.time}` : `${e.deadline.rounds} rounds`}.`;
    case 'statement':
      return `${e.actor} says: “${e.text}”`;
    case 'agreement':
      return `AGREEMENT on ${e.proposal}: ${outcomeText(e.outcome)}.`;
    case 'walk-away':
      return `${e.actor} walked away${e.reason ? `: ${e.reason}` : ''}.`;
    case 'deadline':
      return `The deadline passed without agreement (round ${e.round}).`;
    case 'invalid-action':
      return `Refused ${e.action} by ${e.actor}: ${e.reason}`;
    case 'closed':
      return `CLOSED by the ${e.actor}: ${e.reason}${e.lapsed?.length ? ` (${e.lapsed.join(', ')} lapsed without agreement)` : ''}`;
    case 'offer':
      return `${e.actor} offered ${e.proposal}: ${outcomeText(e.outcome)}.`;
    case 'accept':
      return `${e.actor} accepted ${e.proposal}.`;
    case 'text-tabled':
      return `${e.actor} tabled ${e.proposal}: ${outcomeText(e.text)}.`;
    case 'package-tabled':
      return `${e.actor} tabled ${e.proposal} to ${e.party}${e.note ? ` (${e.note})` : ''}.`;
    case 'text-response':
    case 'package-response':
      return `${e.actor} answered ${e.proposal}: ${e.answer}${e.reason ? ` — ${e.reason}` : ''}${e.amendments ? ` (asks ${outcomeText(e.amendments)})` : ''}${
        e.byIssue
          ? ` [${Object.entries(e.byIssue)
              .map(([i, a]) => `${i} ${a.answer}${a.answer === 'counter' ? ` ${a.value}` : ''}`)
              .join('; ')}]`
          : ''
      }.`;
    case 'relayed':
      return `${e.actor} to ${e.to}: “${e.message}”`;
    case 'phase-referred':
      return `${e.proposal}: details of ${e.issues.join(', ')} referred to ${e.group}.`;
    case 'settled':
      return `${e.actor} settled details of ${e.proposal}: ${outcomeText(e.details)}.`;
    case 'package-revised':
      return `${e.proposal} revised by ${e.by} for ${e.party}: ${outcomeText(e.text)}.`;
    case 'adjourned':
      return `${e.actor} adjourned to consult; back by hour ${e.until}.`;
    case 'consultation':
      return `${e.party} consults ${e.body}${e.proposal ? ` on ${e.proposal}` : ''}${e.reason ? `: ${e.reason}` : ''}.`;
    case 'returned':
      return `${e.actor} returned to the talks.`;
    case 'return-missed':
      return `${e.actor} missed its return (hour ${e.until})${e.lapsed ? `; ${e.lapsed} lapsed` : ''}.`;
    case 'ratification-requested':
      return `${e.body} is asked to ratify ${e.proposal}: ${outcomeText(e.text)}.`;
    case 'ratified':
      return `${e.actor} ratified ${e.proposal}.`;
    case 'ratification-refused':
      return `${e.actor} refused to ratify ${e.proposal}${e.reason ? `: ${e.reason}` : ''}.`;
    case 'talks-adjourned':
      return `${e.actor} adjourned the talks for ${e.parties.join(', ')} until hour ${e.until}${e.reason ? `: ${e.reason}` : ''}.`;
    case 'held':
      return `${e.actor} tabled no new text in round ${e.round + 1}${e.reason ? `: ${e.reason}` : '.'}`;
    case 'caucus':
      return `Caucus ${e.mediator}–${e.party}, ${e.actor}: “${e.message}”`;
    case 'note':
      return `Note${e.about ? ` on ${e.about}` : ''}: ${e.text}`;
    case 'mandate':
      return `Mandate from ${e.actor}: ${e.instructions}`;
    case 'preferences-shared':
      return e.to === 'self'
        ? `${e.actor} kept edited preferences for its own views.`
        : `${e.actor} shared ${e.party}'s preferences with the mediators.`;
    default:
      return (e as { kind: string }).kind;
  }
}
