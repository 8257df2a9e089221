import { ParleyError } from '../core/errors.js';
import type { BaseState } from '../protocols/base.js';
import type { ProtocolEvent } from '../protocols/events.js';
import { getProtocol } from '../protocols/index.js';
import { attempt } from './attempt.js';
import type { EventLog } from './event-log.js';

/**
 * Re-executes a log's actions through its protocol from the start. Every action must
 * meet the same fate as recorded (accepted or refused); otherwise the log does not describe
 * a run of this protocol (it was altered, or written by a parley whose protocols differ),
 * and replay says at which action.
 */
export function replay(log: EventLog): { state: BaseState; events: ProtocolEvent[] } {
  const protocol = getProtocol(log.header.protocol);
  const init = protocol.init(log.header.setup);
  let state = init.state;
  const events = [...init.events];
  log.actions.forEach((logged, i) => {
    const r = attempt(protocol, state, logged.role, logged.action);
    if (r.rejected !== logged.rejected) {
      const was = logged.rejected === undefined ? 'accepted' : `refused (${logged.rejected})`;
      const now = r.rejected === undefined ? 'accepted' : `refused (${r.rejected})`;
      throw new ParleyError(
        'PARLEY_E_LOG_INTEGRITY',
        `the log does not replay: action ${i + 1} (${logged.action.kind} by ${logged.role}) was ${was} in the log and is ${now} now; the log was altered, or written by a version of parley whose protocols differ`,
      );
    }
    state = r.state;
    events.push(...r.events);
  });
  return { state, events };
}
