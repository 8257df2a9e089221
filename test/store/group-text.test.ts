import { describe, expect, it } from 'vitest';
import type { GroupEntry } from '../../src/store/commit-group.js';
import { groupText, readGroupText } from '../../src/store/group-text.js';

const line = (record: object) => JSON.stringify(record);

const entries: GroupEntry[] = [
  {
    session: 's1',
    after: 4,
    lines: [
      {
        seq: 5,
        type: 'action',
        event_seq: null,
        text: line({ type: 'action', text: 'two\nlines, "quoted" \\ and ünïcode ✓' }),
      },
      { seq: 6, type: 'event', event_seq: 3, text: line({ type: 'event' }) },
    ],
    snapshot: { session: 's1', seq: 6, state: '{"x":"y\\nz"}' },
  },
  { session: 's2', after: -1, lines: [] },
  {
    session: 's3',
    after: 0,
    lines: [{ seq: 1, type: 'event', event_seq: 0, text: '' }],
  },
];

describe('a group crossing to the SQLite writer thread', () => {
  it('reads back every entry as it was, lines with escaped newlines, quotes and unicode included', () => {
    expect(readGroupText(groupText(entries))).toEqual(entries);
  });

  it('reads back a group without lines', () => {
    const empty: GroupEntry[] = [{ session: 's', after: 2, lines: [] }];
    expect(readGroupText(groupText(empty))).toEqual(empty);
  });

  it('refuses a line holding a raw newline, which no JSON line holds', () => {
    const bad: GroupEntry[] = [
      {
        session: 's',
        after: 0,
        lines: [{ seq: 1, type: 'event', event_seq: 0, text: 'a\nb' }],
      },
    ];
    expect(() => groupText(bad)).toThrow(/raw newline/);
  });

  it('refuses a group whose lines do not match its entries', () => {
    const text = groupText(entries);
    expect(() => readGroupText(text + '\nextra')).toThrow(/lines to spare/);
    expect(() => readGroupText(text.slice(0, text.lastIndexOf('\n')))).toThrow(/without all its lines/);
  });
});
