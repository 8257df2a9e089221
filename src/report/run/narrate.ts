import type { Outcome } from '../../core/domain.js';
import type { Effect } from '../../core/timeline.js';
import type { ProtocolEvent } from '../../protocols/events.js';
import { roleMap, type RoleMap } from '../../protocols/roles.js';
import { byIssueSentence, labelOf, moveSentence } from './narrate-moves.js';
import type { NegotiationSetup } from '../../protocols/types.js';

/** Role names that read as a group of people take "the": "the Hamas delegation", "the war cabinet". */
const GROUP_NOUN = /\b(delegation|team|cabinet|leadership|council|committee|group|government|body|bodies)\b/i;

export function who(name: string): string {
  return GROUP_NOUN.test(name) && !/^the\b/i.test(name) ? `the ${name}` : name;
}

/** "the Hamas delegation" starts a sentence as "The …"; names keep their own spelling. */
export const capital = (s: string) => (s.startsWith('the ') ? `The ${s.slice(4)}` : s);

export function packageText(pkg: Outcome): string {
  return Object.entries(pkg)
    .map(([issue, v]) => `${issue} ${String(v)}`)
    .join(', ');
}

function effectText(effect: Effect): string {
  switch (effect.kind) {
    case 'reservation':
      return `${effect.party}'s walk-away value ${effect.delta >= 0 ? '+' : ''}${effect.delta}`;
    case 'weight':
      return `${effect.party} weighs ${effect.issue} ×${effect.factor}`;
    case 'add-red-line':
      return `${effect.party} adds a red line on ${effect.redLine.issue}`;
    case 'remove-red-line':
      return `${effect.party} drops red line ${effect.id}`;
    case 'deadline':
      return `deadline ${effect.delta >= 0 ? '+' : ''}${effect.delta}`;
  }
}

/**
 * Turns the event log into plain sentences, one per event worth telling ("Egypt tabled
 * package pkg-3 to the Hamas delegation: …"). Keeps the little it needs to avoid
 * repeating itself (a package tabled to several parties is one sentence per party).
 */
export class Narrator {
  private readonly map: RoleMap;
  private readonly revised = new Map<string, string>();

  constructor(
    private readonly setup: NegotiationSetup,
    private readonly unit: string = '',
  ) {
    this.map = roleMap(setup);
  }

  private delegationOf(party: string): string {
    return this.map.delegations[this.setup.parties.indexOf(party)] ?? party;
  }

  private time(at: number): string {
    return this.unit ? `${this.unit} ${at}` : `time ${at}`;
  }

  /** The sentence for an event, or null for events not worth a line. */
  sentence(e: ProtocolEvent): string | null {
    switch (e.kind) {
      case 'started':
        return `Talks open (${e.protocol}) between ${e.parties.join(', ')}; deadline ${e.deadline.rounds !== undefined ? `${e.deadline.rounds} rounds` : ''}${e.deadline.rounds !== undefined && e.deadline.time !== undefined ? ' or ' : ''}${e.deadline.time !== undefined ? this.time(e.deadline.time) : ''}.`;
      case 'outside-event':
        return `Outside event: ${e.title}.${e.effects.length ? ` (${e.effects.map(effectText).join('; ')})` : ''}`;
      case 'deadline-moved':
        return `The deadline moves to ${e.deadline.time !== undefined ? this.time(e.deadline.time) : `${e.deadline.rounds} rounds`} (${e.cause}).`;
      case 'statement':
        return `Public statement${labelOf(e.binding)} by ${who(e.actor)}: “${e.text}”`;
      case 'agreement':
        return `AGREEMENT on ${e.proposal} in round ${e.round}: ${packageText(e.outcome)}.`;
      case 'walk-away':
        return `${capital(who(e.actor))} walked away${e.reason ? `: ${e.reason}` : ''}.`;
      case 'deadline':
        return `The deadline is reached at ${this.time(e.now)} (round ${e.round}) without agreement.`;
      case 'invalid-action':
        return `(${who(e.actor)} tried to ${e.action}, refused: ${e.reason})`;
      case 'closed': {
        const lapsed = e.lapsed?.length
          ? `; ${e.lapsed.join(', ')} ${e.lapsed.length > 1 ? 'lapse' : 'lapses'} without agreement`
          : '';
        return `The convenor CLOSED the talks: ${e.reason.replace(/[.!?]+$/, '')}${lapsed}.`;
      }
      default:
        return this.tableSentence(e);
    }
  }

  private tableSentence(e: ProtocolEvent): string | null {
    switch (e.kind) {
      case 'offer':
        return `${capital(who(e.actor))} offered ${e.proposal}: ${packageText(e.outcome)}.`;
      case 'accept':
        return `${capital(who(e.actor))} accepted ${e.proposal}.`;
      case 'text-tabled':
        return `${capital(who(e.actor))} tabled ${e.proposal} to every party: ${packageText(e.text)}.${e.note ? ` Note: ${e.note}` : ''}`;
      case 'package-tabled':
        return `${capital(who(e.actor))} tabled package ${e.proposal} to ${who(this.delegationOf(e.party))}: ${packageText(e.text)}.${e.note ? ` Note: ${e.note}` : ''}`;
      case 'text-response':
      case 'package-response':
        return e.byIssue
          ? byIssueSentence(e.actor, e.proposal, e.byIssue)
          : this.answerSentence(e.actor, e.proposal, e.answer, e.amendments, e.reason);
      case 'relayed':
        return `${capital(who(e.actor))} relayed to ${who(this.delegationOf(e.to))}${labelOf(e.binding)}: “${e.message}”`;
      default:
        return this.shuttleSentence(e);
    }
  }

  private answerSentence(
    actor: string,
    proposal: string,
    answer: string,
    amendments?: Outcome,
    reason?: string,
  ): string {
    const subject = capital(who(actor));
    if (answer === 'accept') return `${subject} accepted ${proposal}.`;
    if (answer === 'reject') return `${subject} REJECTED ${proposal}${reason ? `: ${reason}` : '.'}`;
    return `${subject} asked for changes to ${proposal}: ${packageText(amendments ?? {})}.`;
  }

  private shuttleSentence(e: ProtocolEvent): string | null {
    switch (e.kind) {
      case 'phase-referred':
        return `${e.proposal} goes to ${who(e.group)} to work out the details of ${e.issues.join(', ')}.`;
      case 'settled':
        return `${capital(who(e.actor))} settled details of ${e.proposal}: ${packageText(e.details)}.`;
      case 'package-revised':
        return this.revisedOnce(e.proposal, e.text);
      case 'adjourned': {
        const body = this.map.bodyOfParty[e.party];
        return `${capital(who(e.actor))} adjourned to consult ${body ? who(body) : 'its principals'} until ${this.time(e.until)}.`;
      }
      case 'consultation':
        return null;
      case 'returned':
        return `${capital(who(e.actor))} returned to the table.`;
      case 'return-missed':
        return `${capital(who(e.actor))} missed its return at ${this.time(e.until)}${e.lapsed ? `; ${e.lapsed} lapses` : ''}.`;
      case 'ratification-requested':
        return `${e.proposal} goes to ${who(e.body)} for ratification.`;
      case 'ratified':
        return `${capital(who(e.actor))} RATIFIED ${e.proposal}.`;
      case 'ratification-refused':
        return `${capital(who(e.actor))} REFUSED to ratify ${e.proposal}${e.reason ? `: ${e.reason}` : '.'}`;
      default:
        return moveSentence(
          e,
          (at) => this.time(at),
          (party) => this.delegationOf(party),
        );
    }
  }

  private revisedOnce(proposal: string, text: Outcome): string | null {
    const key = packageText(text);
    if (this.revised.get(proposal) === key) return null;
    this.revised.set(proposal, key);
    return `${proposal} now reads: ${key}.`;
  }

  /** `[hour 24] sentence`, or null. */
  line(e: ProtocolEvent): string | null {
    const s = this.sentence(e);
    return s === null ? null : `[${this.time(e.at)}] ${s}`;
  }
}

/** The time unit a scenario's clock counts in: hours when it sets hours per round, else plain time. */
export function timeUnit(hoursPerRound: number | undefined): string {
  return hoursPerRound !== undefined ? 'hour' : '';
}
