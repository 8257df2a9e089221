import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParleyError } from '../core/errors.js';
import type { RunJson } from '../report/run/json-schema.js';
import type { EventLog, LoggedAction } from '../session/event-log.js';
import { finishRun, type RunOutcome } from '../session/simulate.js';
import { seatOf } from '../session/views.js';
import { CONVENOR } from './host.js';
import type { LiveSession } from './live-session.js';
import { requireOver } from './views.js';

/** Seconds the end-of-session analysis may take (distances, plots). */
const ANALYSIS_SECONDS = 2;

export interface Reports {
  readonly run: RunOutcome;
  readonly json: RunJson;
  readonly files: Readonly<Record<ReportName, string>>;
}

export const REPORT_FILES = {
  'agreement.md': { key: 'agreement', type: 'text/markdown; charset=utf-8' },
  'offers.svg': { key: 'offers', type: 'image/svg+xml' },
  'concession.svg': { key: 'concession', type: 'image/svg+xml' },
} as const;
export type ReportName = keyof typeof REPORT_FILES;

const cache = new WeakMap<LiveSession, { readonly events: number; readonly reports: Promise<Reports> }>();

/**
 * The same reports as `parley run` writes, made when the session has ended and again only if
 * the log grew since (a refused action after the end adds an event), so that they say the
 * same before and after the session leaves memory.
 */
export function reportsOf(live: LiveSession): Promise<Reports> {
  requireOver(live);
  let cached = cache.get(live);
  if (cached?.events !== live.events.length) {
    cached = { events: live.events.length, reports: makeReports(live) };
    cache.set(live, cached);
  }
  return cached.reports;
}

async function makeReports(live: LiveSession): Promise<Reports> {
  const { header, state } = live;
  const events = live.events.slice();
  const actions: readonly LoggedAction[] = await live.loggedActions();
  const log: EventLog = { header, events, actions };
  const plan = {
    ...live.plan,
    deadline: header.setup.deadline,
    scenario: { ...live.plan.scenario, roles: header.setup.roles },
  };
  const run = finishRun(plan, log, state, ANALYSIS_SECONDS);
  // The plotting libraries load only when a session has ended, not with the server.
  const [{ writeRunReport }, { runToJson }] = await Promise.all([
    import('../report/run/write.js'),
    import('../report/run/json.js'),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'parley-report-'));
  try {
    const written = await writeRunReport(run, dir);
    const files = Object.fromEntries(
      Object.entries(REPORT_FILES).map(([name, f]) => [name, readFileSync(written[f.key], 'utf8')]),
    ) as Record<ReportName, string>;
    return { run, json: runToJson(run, {}), files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a seat may have the full results: the convenor, or anyone once released. */
export function mayReadFull(live: LiveSession, role: string): boolean {
  return role === CONVENOR || live.released;
}

/**
 * The result as a seat may see it: in full for the convenor (and for all once released);
 * otherwise how the talks ended and, for a party's seats, that party's own utility only.
 */
export async function resultFor(live: LiveSession, role: string): Promise<unknown> {
  const reports = await reportsOf(live);
  if (mayReadFull(live, role)) return { full: true, result: reports.json };
  const { result } = reports.run;
  const party = seatOf(live.header.setup, role).party;
  const own = party === undefined ? undefined : result.parties.find((p) => p.party === party);
  return {
    full: false,
    result: {
      scenario: result.scenario,
      protocol: result.protocol,
      agreement: result.agreement,
      endReason: result.endReason,
      // Who closed the talks and why is public (every seat saw the `closed` event).
      ...(reports.json.closed ? { closed: reports.json.closed } : {}),
      outcome: result.outcome,
      proposal: result.proposal,
      rounds: result.rounds,
      time: result.time,
      ...(own ? { own } : {}),
    },
  };
}

export async function reportFile(live: LiveSession, role: string, name: string) {
  const file = REPORT_FILES[name as ReportName];
  if (!file)
    throw new ParleyError(
      'PARLEY_E_NOT_FOUND',
      `no report "${name}"; reports: ${Object.keys(REPORT_FILES).join(', ')}`,
    );
  requireOver(live);
  if (!mayReadFull(live, role))
    throw new ParleyError('PARLEY_E_FORBIDDEN', 'the full reports go to the convenor until released');
  const reports = await reportsOf(live);
  return { type: file.type, body: reports.files[name as ReportName] };
}
