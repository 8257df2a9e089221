import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/formats/scenario/index.js';

const scenario = (deferral: string) => `parley: 1
name: tiny
issues:
  - name: truce
    values: [short, long, later]
    deferral: ${deferral}
parties:
  - name: A
    preferences:
      weights: {truce: 1}
      values:
        truce: {short: 1, long: 0, later: 0.5}
`;

describe('deferral values in the scenario format', () => {
  it('reads the declared value that leaves an issue to a later phase', () => {
    const s = parseScenarioText(scenario('later'), 'tiny.yaml', 'yaml');
    expect(s.domain.issues[0]).toMatchObject({ name: 'truce', deferral: 'later' });
  });

  it('refuses a deferral value the issue does not have, naming file, line and column', () => {
    let error: unknown;
    try {
      parseScenarioText(scenario('never'), 'tiny.yaml', 'yaml');
    } catch (e) {
      error = e;
    }
    expect(String((error as Error).message)).toMatch(/deferral.*"never", which is not one of the issue's values/);
    expect((error as { position?: { file?: string; line?: number } }).position).toMatchObject({
      file: 'tiny.yaml',
      line: 6,
    });
  });
});
