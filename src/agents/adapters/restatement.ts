import type { Outcome } from '../../core/domain.js';
import { renderPosition, type Position } from '../../protocols/position.js';

/** A text the delegation turned down, and the issues it named when it did. */
interface TurnedDownHere {
  readonly proposal: string;
  readonly text: Outcome;
  readonly named: readonly string[];
}

/**
 * What a delegation restates when a mediator holds or consults and gives the parties the floor. Its
 * position has moved when a text it turned down now meets its bar (time-based delegations
 * lower theirs as the deadline nears): it then asks for that text's values on the issues it
 * objected to, which a mediator may take as leave to table the text again. It says so once
 * per text; when nothing moved it says nothing.
 */
export class Restatement {
  private readonly turnedDown: TurnedDownHere[] = [];
  private readonly stated = new Set<string>();

  /** Records a text the delegation turned down and the issues it named (all of them when it named none). */
  remember(proposal: string, text: Outcome, named: readonly string[]): void {
    const issues = named.length > 0 ? [...new Set(named)] : Object.keys(text);
    this.turnedDown.push({ proposal, text, named: issues });
  }

  /**
   * The statement's position and words, or null when no turned-down text has come within
   * reach since it last said so (it now meets the party's bar as it stands). Of several, the
   * one worth most to the party. When a mediator consults on a text (`consulted`) that the
   * party would now take, the party answers that question first: it asks for that text's
   * values on every issue it objected to in the turned-down texts the consulted one repeats.
   */
  next(
    party: string,
    acceptsNow: (text: Outcome) => boolean,
    utility: (text: Outcome) => number,
    consulted: Outcome | null = null,
  ): { position: Position; text: string } | null {
    const answer = consulted && acceptsNow(consulted) ? this.answerConsultation(party, consulted) : null;
    if (answer) return answer;
    const within = this.turnedDown.filter((t) => !this.stated.has(t.proposal) && acceptsNow(t.text));
    if (within.length === 0) return null;
    const best = within.reduce((a, b) => (utility(b.text) > utility(a.text) ? b : a));
    // Texts equal to it on the issues objected to are answered by the same words.
    for (const t of within)
      if (t.named.every((i) => String(t.text[i]) === String(best.text[i]))) this.stated.add(t.proposal);
    const asks = Object.fromEntries(best.named.map((i) => [i, best.text[i]!]));
    const position: Position = { asks };
    return {
      position,
      text: `${renderPosition(party, position, 'statement')} It could now take ${best.proposal} on these issues.`,
    };
  }

  /** Says that it could take the consulted text, where that text repeats texts it turned down and has not said so of. */
  private answerConsultation(party: string, consulted: Outcome): { position: Position; text: string } | null {
    const repeated = this.turnedDown.filter(
      (t) => !this.stated.has(t.proposal) && t.named.every((i) => String(t.text[i]) === String(consulted[i])),
    );
    if (repeated.length === 0) return null;
    for (const t of repeated) this.stated.add(t.proposal);
    const issues = [...new Set(repeated.flatMap((t) => t.named))];
    const position: Position = { asks: Object.fromEntries(issues.map((i) => [i, consulted[i]!])) };
    const ids = repeated.map((t) => t.proposal).join(', ');
    return {
      position,
      text: `${renderPosition(party, position, 'statement')} It could now take the text the mediator consults on, which holds the values of ${ids} on these issues.`,
    };
  }
}
