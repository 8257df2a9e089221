import type { Domain } from '../../core/domain.js';
import { positionIssues } from '../../protocols/position.js';
import type { Response } from './record.js';

/**
 * A party's answer in a mediator's own neutral words: what it accepts or asks for, and
 * which issues a rejection concerns (from its structured position), never the party's own
 * phrasing or blame.
 */
export function relayMessage(domain: Domain, proposal: string, response: Response): string {
  switch (response.answer) {
    case 'accept':
      return `${response.party} accepts ${proposal}.`;
    case 'amend': {
      const asks = Object.entries(response.amendments ?? {}).map(([issue, v]) => `${issue}: ${String(v)}`);
      return `${response.party} asks for changes to ${proposal}: ${asks.join('; ')}.`;
    }
    case 'reject': {
      const named = positionIssues(response.position);
      const issues = domain.issues.filter((i) => named.includes(i.name)).map((i) => i.name);
      return `${response.party} does not accept ${proposal}${issues.length ? `; its objection concerns ${issues.join(', ')}` : ''}.`;
    }
  }
}
