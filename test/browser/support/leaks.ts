import type { LiveSession } from '../../../src/host/live-session.js';
import { viewerOf } from '../../../src/host/views.js';
import { canSee } from '../../../src/protocols/visibility.js';
import type { EventAudience } from '../../../src/protocols/types.js';
import type { SeatPage } from './browser.js';

/** What a seat must never receive, beyond events its audience excludes. */
export interface Forbidden {
  /** Texts that appear only in messages this seat may not read (private relays, caucus, notes). */
  readonly markers: readonly string[];
  /** Party names whose true profile (preferences with their walk-away value) it may not receive. */
  readonly profilesOf: readonly string[];
  /** Walk-away values it may not receive, as `reservation` numbers (compared to 1e-9). */
  readonly walkAways: readonly number[];
}

function* objects(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const v of value) yield* objects(v);
  else if (value && typeof value === 'object') {
    yield value as Record<string, unknown>;
    for (const v of Object.values(value)) yield* objects(v);
  }
}

const isEvent = (o: Record<string, unknown>) =>
  typeof o.seq === 'number' && typeof o.kind === 'string' && typeof o.audience === 'object' && o.audience !== null;

/**
 * Every problem in what a seat received: an event its audience excludes (judged by canSee
 * for this seat's viewer, against the payloads, not the server's own filter), a private
 * marker, a forbidden party's profile, a forbidden walk-away value.
 */
export function leaksOf(seat: SeatPage, live: LiveSession, forbidden: Forbidden): string[] {
  const viewer = viewerOf(live, seat.role);
  const problems: string[] = [];
  for (const { source, text } of seat.recorder.payloads)
    for (const marker of forbidden.markers) if (text.includes(marker)) problems.push(`${source}: holds "${marker}"`);
  for (const { source, value } of seat.recorder.json()) {
    for (const o of objects(value)) {
      if (isEvent(o) && !canSee(o.audience as EventAudience, viewer))
        problems.push(`${source}: event ${String(o.seq)} (${String(o.kind)}) is not for ${seat.role}`);
      if (typeof o.name === 'string' && 'utility' in o && 'reservation' in o && forbidden.profilesOf.includes(o.name))
        problems.push(`${source}: ${o.name}'s profile`);
      const walkAway = o.reservation;
      if (typeof walkAway === 'number' && forbidden.walkAways.some((w) => Math.abs(w - walkAway) < 1e-9))
        problems.push(`${source}: walk-away value ${walkAway}`);
    }
  }
  return [...new Set(problems)];
}

/** The page's visible text holds none of the markers. */
export async function pageLeaks(seat: SeatPage, markers: readonly string[]): Promise<string[]> {
  const text = await seat.page.locator('body').innerText();
  return markers.filter((m) => text.includes(m)).map((m) => `${seat.role}'s page shows "${m}"`);
}
