import { audienceText, bindingOf, describe } from '../describe.js';
import type { ProtocolEvent } from '../types.js';

/** The binding label of a message, in words and apart from its text. */
export function BindingLabel({ event }: { event: ProtocolEvent }) {
  const binding = bindingOf(event);
  if (binding === null) return null;
  return binding ? (
    <span className="label binding">binding</span>
  ) : (
    <span className="label exploratory">non-binding</span>
  );
}

/** A list of events, oldest first, each with its hour, who may see it and its binding label. */
export function EventList({
  events,
  title,
  empty = 'Nothing yet.',
  headingLevel = 3,
}: {
  events: readonly ProtocolEvent[];
  title: string;
  empty?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="events" aria-label={title}>
      <Heading>{title}</Heading>
      {events.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        // Focusable, so that a keyboard can scroll a long list.
        <ol tabIndex={0} aria-label={title}>
          {events.map((e) => (
            <li key={e.seq} data-seq={e.seq} data-kind={e.kind}>
              <span className="when">h {e.at.toFixed(1)}</span> <span className="aud">{audienceText(e)}</span>{' '}
              <BindingLabel event={e} /> {describe(e)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const PUBLIC_KINDS = new Set(['all']);

/** The public record: what everyone at the table sees. */
export const publicRecord = (events: readonly ProtocolEvent[]) =>
  events.filter((e) => PUBLIC_KINDS.has(e.audience.kind) && e.kind !== 'outside-event');

export const outsideEvents = (events: readonly ProtocolEvent[]) => events.filter((e) => e.kind === 'outside-event');
