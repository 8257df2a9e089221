import { ParleyError } from '../../core/errors.js';
import { CONVENOR } from '../../host/host.js';
import type { ActionAnswer, LiveSession } from '../../host/live-session.js';
import type { Action } from '../../protocols/types.js';
import type { ActionBody } from '../schemas.js';

/**
 * One action from a seat, whatever the transport: a seat acts only as itself, and only
 * seats the protocol knows act at all, besides the convenor, whose one move is to close the
 * talks. The protocol judges the rest (and logs a refusal: another seat's close, too).
 */
export function submit(live: LiveSession, role: string, actionId: string, body: ActionBody): Promise<ActionAnswer> {
  if (role === CONVENOR) {
    if (body.kind !== 'close')
      throw new ParleyError(
        'PARLEY_E_FORBIDDEN',
        `the convenor does not ${body.kind}; of the talks' moves it may only close them`,
      );
  } else if (!live.acts(role))
    throw new ParleyError('PARLEY_E_FORBIDDEN', `the ${role} seat does not act in this session; it reads`);
  if (body.actor !== undefined && body.actor !== role)
    throw new ParleyError('PARLEY_E_FORBIDDEN', `${role} may act only as itself, not as ${body.actor}`);
  return live.act(role, actionId, { ...body, actor: role } as Action);
}
