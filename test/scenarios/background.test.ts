import { describe, expect, it } from 'vitest';
import { loadInput } from '../../src/formats/input.js';

describe('cairo-2024 background facts', () => {
  const s = loadInput(['cairo-2024']);

  it('holds the three facts of the reports the scenario lacked, each sourced', () => {
    const texts = (s.background ?? []).map((b) => b.text);
    expect(texts.some((t) => /believed to number more than 100/.test(t))).toBe(true);
    expect(texts.some((t) => /November .* about 100 captives/.test(t))).toBe(true);
    expect(texts.some((t) => /released by the United Kingdom/.test(t))).toBe(true);
    for (const b of s.background ?? []) expect(b.source?.quote.length).toBeGreaterThan(20);
  });

  it('keeps their sources among the notes the quote check reads', () => {
    for (const b of s.background ?? [])
      expect(s.notes.some((n) => n.source?.quote === b.source!.quote)).toBe(true);
  });
});
