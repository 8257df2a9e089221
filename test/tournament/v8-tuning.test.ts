import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { raisesBudget } from '../../src/tournament/v8-tuning.js';

const cores = availableParallelism();
const measuredV8 = process.versions.v8.startsWith('11.3.');
const nodeOptions = process.env.NODE_OPTIONS;

afterEach(() => {
  if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = nodeOptions;
});

describe("V8's tiering for worker threads", () => {
  it('is changed only when the worker threads fill every core, on the V8 it was measured on', () => {
    expect(raisesBudget(cores)).toBe(measuredV8);
    expect(raisesBudget(cores + 1)).toBe(measuredV8);
    if (cores > 1) expect(raisesBudget(cores - 1)).toBe(false);
    expect(raisesBudget(0)).toBe(false);
  });

  it('is left alone when the user chose an interrupt budget', () => {
    process.env.NODE_OPTIONS = '--max-old-space-size=4096 --interrupt-budget=100000';
    expect(raisesBudget(cores)).toBe(false);
  });
});
