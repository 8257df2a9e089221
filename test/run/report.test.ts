import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInput } from '../../src/formats/input.js';
import { Narrator } from '../../src/report/run/narrate.js';
import { planRun } from '../../src/session/plan.js';
import { simulate } from '../../src/session/simulate.js';
import { writeRunReport } from '../../src/report/run/write.js';
import { tempDir } from '../cli/run.js';

describe('run reports', () => {
  it('draws pairwise offer panels for three parties and writes the agreement by phase with its improvements', async () => {
    const scenario = loadInput(['examples/three-towns']);
    const run = simulate(planRun(scenario, { protocol: 'single-text', seed: 2 }));
    const out = tempDir();
    const files = await writeRunReport(run, out);
    const svg = readFileSync(files.offers, 'utf8');
    for (const [x, y] of [
      ['North', 'East'],
      ['North', 'South'],
      ['East', 'South'],
    ]) {
      expect(svg).toContain(`Utility of ${x}`);
      expect(svg).toContain(`Utility of ${y}`);
    }
    const text = readFileSync(join(out, 'agreement.md'), 'utf8');
    if (run.result.agreement) {
      expect(text).toMatch(/^# Agreement: /);
      for (const issue of scenario.domain.issues)
        expect(text).toContain(`**${issue.name}**: ${String(run.result.outcome![issue.name])}`);
      if (run.improvements.length) expect(text).toContain('## Post-settlement improvements');
    } else expect(text).toMatch(/^# No agreement: /);
  });

  it('lists only improvements that every party weakly prefers to the agreement', () => {
    const scenario = loadInput(['anac/2012/CameraB']);
    for (const seed of [1, 2, 3]) {
      const run = simulate(
        planRun(scenario, { agents: [{ strategy: 'random' }, { strategy: 'conceder' }], seed, rounds: 30 }),
      );
      const base = run.result.parties.map((p) => p.utility);
      for (const p of run.improvements) {
        p.utilities.forEach((u, i) => expect(u).toBeGreaterThanOrEqual(base[i]! - 1e-9));
        expect(p.utilities.some((u, i) => u > base[i]! + 1e-12)).toBe(true);
      }
    }
  });

  it('tells who said what to whom in plain sentences', () => {
    const scenario = loadInput(['cairo-2024']);
    const narrator = new Narrator(
      {
        domain: scenario.domain,
        parties: ['Israel', 'Hamas'],
        roles: scenario.roles,
        timeline: [],
        deadline: {},
        seed: 0,
      },
      'hour',
    );
    const tabled = narrator.line({
      kind: 'package-tabled',
      seq: 5,
      at: 12,
      audience: { kind: 'party', party: 'Hamas' },
      actor: 'Egypt',
      party: 'Hamas',
      proposal: 'pkg-3',
      text: { 'truce-days': '40-days' },
      byPhase: {},
    });
    expect(tabled).toBe('[hour 12] Egypt tabled package pkg-3 to the Hamas delegation: truce-days 40-days.');
    const away = narrator.line({
      kind: 'adjourned',
      seq: 6,
      at: 30,
      audience: { kind: 'all' },
      actor: 'Hamas delegation',
      party: 'Hamas',
      until: 52,
    });
    expect(away).toBe('[hour 30] The Hamas delegation adjourned to consult the Hamas leadership (Doha) until hour 52.');
  });
});
