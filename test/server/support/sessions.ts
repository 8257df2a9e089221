import type { Party } from '../../../src/core/party.js';
import { loadInput } from '../../../src/formats/input.js';
import { writeScenarioText } from '../../../src/formats/scenario/index.js';
import type { Harness } from './harness.js';

/**
 * cairo-2024 with one blocking set relaxed (Israel's three red lines that keep the zone
 * empty, as `parley analyze` lists them), so that the talks can reach an agreement and
 * ratification. Uploaded as a parley YAML file; `change` alters the parties' profiles first.
 */
export function relaxedCairo(change: (party: Party) => Party = (p) => p): { name: string; content: string } {
  const scenario = loadInput(['cairo-2024']);
  const relaxed = {
    ...scenario,
    name: 'cairo-2024-relaxed',
    parties: scenario.parties.map(change).map((p) =>
      p.name === 'Israel'
        ? {
            ...p,
            redLines: p.redLines.filter(
              (r) => !['pause-not-end', 'no-complete-withdrawal', 'rafah-regardless'].includes(r.id),
            ),
          }
        : p,
    ),
  };
  return { name: 'cairo-2024-relaxed.yaml', content: writeScenarioText(relaxed, 'yaml') };
}

export const E = 'Egypt';
export const Q = 'Qatar';
export const ID = 'Israeli delegation';
export const HD = 'Hamas delegation';
export const IC = 'Israeli war cabinet';
export const HL = 'Hamas leadership (Doha)';
export const WG = 'Qatari technical team with Egypt';

/** Marks in profiles that only some seats may ever receive: shared with the mediators, kept by the Israeli delegation. */
export const SHARED_MARK = 'preferences Hamas told the mediators';
export const KEPT_MARK = 'preferences the Israeli delegation kept for itself';
/** Their walk-away values, numbers no other answer holds. */
export const SHARED_WALK_AWAY = 0.2718281;
export const KEPT_WALK_AWAY = 0.3141592;

async function waitFor(h: Harness, id: string, convenor: string, kind: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((await h.logEvents(id, convenor)).some((e) => e.kind === kind)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no ${kind} event`);
}

/**
 * A shuttle session played by people through the API, seat by seat, to reach the event
 * kinds bots do not: a settled phase and its revised package, a missed return, a refused
 * ratification, a refused action and a walk-away, and every move of the consoles (caucus,
 * notes, a mandate, shared and kept preferences, an answer by issue, adjourned talks,
 * binding labels).
 */
export async function playScriptedShuttle(h: Harness, id: string, tokens: Record<string, string>): Promise<void> {
  const info = (await h.call('GET', `/sessions/${id}`, tokens[E])).body;
  const issues = info.domain.issues as { name: string; values?: string[]; kind?: string }[];
  const first = Object.fromEntries(issues.map((i) => [i.name, (i as any).values[0]]));
  const last = Object.fromEntries(issues.map((i) => [i.name, (i as any).values.at(-1)]));
  let n = 0;
  const act = async (role: string, action: Record<string, unknown>, ok = true) => {
    const r = await h.call('POST', `/sessions/${id}/actions`, tokens[role], { actionId: `script-${++n}`, action });
    if ((r.status === 200) !== ok) throw new Error(`${role} ${action.kind}: ${r.status} ${r.text}`);
    return r.body;
  };
  const now = async () => (await h.call('GET', `/sessions/${id}/view`, tokens.convenor)).body.now as number;
  const selfOf = async (role: string) => (await h.call('GET', `/sessions/${id}/view`, tokens[role])).body.self;
  await act(E, { kind: 'table', text: first, to: [] });
  await act(Q, {
    kind: 'relay',
    to: 'Hamas',
    message: 'Israel asks for an answer soon',
    about: 'pkg-1',
    binding: true,
  });
  await act(HD, { kind: 'statement', text: 'We study the text.', binding: false });
  await act(HL, { kind: 'statement', text: 'Our terms stand.', binding: true });
  const group = issues.find((i) => i.name === 'truce-days')!;
  await act(WG, { kind: 'settle', proposal: 'pkg-1', details: { 'truce-days': (group as any).values[1] } });
  await act(ID, { kind: 'reject', proposal: 'pkg-1', reason: 'not enough' });
  // The moves of the consoles: caucus both ways, notes, a mandate, preferences shared and kept, an answer by issue.
  await act(E, { kind: 'caucus', with: 'Hamas', message: 'Is the first phase acceptable?', binding: true });
  await act(HD, { kind: 'caucus', with: E, message: 'With guarantees only.' });
  await act(E, { kind: 'note', text: 'Hamas wants guarantees', about: 'pkg-1' });
  await act(IC, {
    kind: 'mandate',
    instructions: 'No more than the first values',
    limits: { 'truce-days': ['40-days'] },
  });
  const told = { ...(await selfOf(HD)), description: SHARED_MARK, reservation: SHARED_WALK_AWAY };
  await act(HD, { kind: 'share-preferences', preferences: told });
  const kept = { ...(await selfOf(ID)), description: KEPT_MARK, reservation: KEPT_WALK_AWAY };
  await act(ID, { kind: 'share-preferences', to: 'self', preferences: kept });
  const answers = Object.fromEntries(issues.map((i) => [i.name, { answer: 'accept' } as Record<string, unknown>]));
  answers['captives-first-phase'] = { answer: 'counter', value: '33' };
  answers.withdrawal = { answer: 'reject' };
  await act(HD, { kind: 'respond', proposal: 'pkg-1', issues: answers });
  await act(E, { kind: 'adjourn-talks', parties: ['Israel'], until: (await now()) + 1000, reason: 'consult' });
  await act(HD, { kind: 'adjourn', until: (await now()) + 2, reason: 'consult in Doha' });
  await waitFor(h, id, tokens.convenor!, 'return-missed');
  await act(HD, { kind: 'return' });
  await act(ID, { kind: 'return' });
  await act(E, { kind: 'table', text: last, to: [] });
  await act(ID, { kind: 'accept', proposal: 'pkg-2' });
  await act(HD, { kind: 'accept', proposal: 'pkg-2' });
  await act(IC, { kind: 'refuse-ratification', proposal: 'pkg-2', reason: 'the cabinet refuses' });
  await act(HL, { kind: 'ratify', proposal: 'pkg-2' });
  await act(HD, { kind: 'accept', proposal: 'pkg-404' }, false);
  await act(ID, { kind: 'end', reason: 'we leave' });
}

export const CLOSE_REASON = 'The mediators asked to suspend the talks; the convenor closes them.';

/**
 * A shuttle session of people that the convenor closes while a package awaits ratification:
 * both delegations accepted pkg-1, the Israeli war cabinet ratified it, Hamas's leadership had
 * not yet. A delegation's attempt to close first is refused (and logged for its side).
 */
export async function playClosedShuttle(h: Harness, id: string, tokens: Record<string, string>): Promise<void> {
  const info = (await h.call('GET', `/sessions/${id}`, tokens[E])).body;
  const issues = info.domain.issues as { name: string; values: string[] }[];
  const text = Object.fromEntries(issues.map((i) => [i.name, i.values[0]]));
  let n = 0;
  const act = async (role: string, action: Record<string, unknown>, status = 200) => {
    const r = await h.call('POST', `/sessions/${id}/actions`, tokens[role], { actionId: `close-${++n}`, action });
    if (r.status !== status) throw new Error(`${role} ${String(action.kind)}: ${r.status} ${r.text}`);
    return r.body;
  };
  await act(E, { kind: 'table', text, to: [] });
  await act(ID, { kind: 'accept', proposal: 'pkg-1' });
  await act(HD, { kind: 'accept', proposal: 'pkg-1' });
  await act(IC, { kind: 'ratify', proposal: 'pkg-1' });
  await act(HD, { kind: 'close', reason: 'we want out' }, 409);
  await act('convenor', { kind: 'close', reason: CLOSE_REASON });
}
