import { ParleyError } from '../core/errors.js';
import type { BaseState } from './base.js';
import type { ParleyProtocol } from './protocol.js';
import { saop } from './saop.js';
import { shuttle } from './shuttle/index.js';
import { singleText } from './single-text.js';

/**
 * Every protocol by name. A protocol is one object (`defineProtocol`) that declares its
 * name, summary, seats, options and events; seat planning, the scenario schema, the
 * `--protocol` help and the tests all read them from here. Adding a protocol is one file
 * and one line below (or one `registerProtocol` call from a program).
 */
const registry = new Map<string, ParleyProtocol<BaseState>>();

export function registerProtocol<S extends BaseState>(protocol: ParleyProtocol<S>): void {
  const existing = registry.get(protocol.name);
  if (existing !== undefined && existing !== (protocol as unknown as ParleyProtocol<BaseState>))
    throw new ParleyError('PARLEY_E_USAGE', `a protocol named "${protocol.name}" is already registered`);
  registry.set(protocol.name, protocol as unknown as ParleyProtocol<BaseState>);
}

registerProtocol(saop);
registerProtocol(singleText);
registerProtocol(shuttle);

/** Registered protocol names, in registration order. */
export function protocolNames(): string[] {
  return [...registry.keys()];
}

export function registeredProtocols(): ParleyProtocol<BaseState>[] {
  return [...registry.values()];
}

export function isProtocolName(name: string): boolean {
  return registry.has(name);
}

export function getProtocol(name: string): ParleyProtocol<BaseState> {
  const found = registry.get(name);
  if (!found)
    throw new ParleyError(
      'PARLEY_E_USAGE',
      `unknown protocol "${name}"; known protocols: ${protocolNames().join(', ')}`,
    );
  return found;
}
