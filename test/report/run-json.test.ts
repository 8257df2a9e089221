import { describe, expect, it } from 'vitest';
import { runToJson } from '../../src/report/run/json.js';
import { runJsonSchema } from '../../src/report/run/json-schema.js';
import { saopDeadline, saopDeal, shuttleRatified } from './run-fixtures.js';

describe('the run JSON object', () => {
  it('reports an agreement with utilities, discounted utilities, the seats and the files, valid by its schema', () => {
    const run = saopDeal();
    const json = runToJson(run, { log: 'out/events.jsonl' });
    expect(runJsonSchema.parse(json)).toEqual(json);
    expect(json).toMatchObject({
      agreement: { ceasefire: 'pause', captives: 33, withdrawal: 'partial' },
      utilities: run.result.parties.map((p) => p.utility),
      discounted: run.result.parties.map((p) => p.discounted),
      rounds: 2,
      events: run.log.events.length,
      scenario: 'cairo-test',
      parties: ['Israel', 'Hamas'],
      protocol: 'saop',
      agents: [
        { role: 'Israel-delegation', agent: 'boulware' },
        { role: 'Hamas-delegation', agent: 'boulware' },
      ],
      endReason: 'agreement',
      proposal: 'offer-3',
      files: { log: 'out/events.jsonl' },
    });
  });

  it('reports an impasse with no agreement, its sticking points and open issues', () => {
    const run = saopDeadline();
    const json = runToJson(run, {});
    expect(runJsonSchema.parse(json)).toEqual(json);
    expect(json.agreement).toBeNull();
    expect(json.endReason).toBe('deadline');
    expect(json.stickingPoints).toEqual(run.result.stickingPoints.map((s) => s.issue));
    expect(json.openIssues).toEqual(run.result.openIssues);
    expect(json.improvements).toEqual([]);
  });

  it('leaves out discounted utilities when no party discounts, and lists every seat of mediated talks', () => {
    const run = shuttleRatified();
    const undiscounted = { ...run, parties: run.parties.map((p) => ({ ...p, discount: 1 })) };
    expect(runToJson(undiscounted, {})).not.toHaveProperty('discounted');
    expect(runToJson(run, {}).agents.map((a) => a.role)).toEqual(run.plan.seats.map((s) => s.role));
  });
});
