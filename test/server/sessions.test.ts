import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInput } from '../../src/formats/input.js';
import { LiveSession } from '../../src/host/live-session.js';
import { planOf } from '../../src/host/spec.js';
import type { Action } from '../../src/protocols/types.js';
import { planRun } from '../../src/session/plan.js';
import { simulate } from '../../src/session/simulate.js';
import { brokenLink } from '../../src/store/chain.js';
import { parley } from '../cli/run.js';
import { Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h?.stop());

const FAST = 3600 * 200;

/** An ANAC session with seats only, whose move opens it, and an offer of each issue's `value`-th value (as sent, without `actor`). */
async function openSaop() {
  const { id, tokens } = await h.open({ scenario: 'anac/2010/ItexvsCypress', timeScale: 1 });
  const mover = (await h.call('GET', `/sessions/${id}/view`, tokens.convenor)).body.expected[0].role as string;
  const issues = (await h.call('GET', `/sessions/${id}`, tokens[mover])).body.domain.issues as {
    name: string;
    values: string[];
  }[];
  const offerOf = (value: number) => ({
    kind: 'offer' as const,
    outcome: Object.fromEntries(issues.map((i) => [i.name, i.values[value]!])),
  });
  return { id, tokens, mover, offerOf };
}
const bin = new URL('../../bin/parley.js', import.meta.url).pathname;

describe('hosting a session', () => {
  it('plays a session of bots to the very events `parley run` logs', async () => {
    const { id, tokens } = await h.open({ scenario: 'cairo-2024', bots: 'all', timeScale: FAST });
    await h.untilOver(id, tokens.convenor!);
    const run = simulate(planRun(loadInput(['cairo-2024'])), { analysisTimeLimit: 0 });
    expect(await h.logEvents(id, tokens.convenor!)).toEqual(JSON.parse(JSON.stringify(run.log.events)));
  });

  it('keeps a hash chain over the stored log, which `parley replay` replays like a file', async () => {
    const { id, tokens } = await h.open({ scenario: 'anac/2010/ItexvsCypress', bots: 'all', timeScale: FAST });
    await h.untilOver(id, tokens.convenor!);
    const lines = await h.store.lines(id);
    expect(brokenLink(lines)).toBe(-1);
    const dir = mkdtempSync(join(tmpdir(), 'parley-log-'));
    try {
      const file = join(dir, 'events.jsonl');
      writeFileSync(file, (await h.call('GET', `/sessions/${id}/log`, tokens.convenor)).text);
      const replayed = await parley(['replay', file, '--json']);
      expect(replayed.code, replayed.stderr).toBe(0);
      expect(JSON.parse(replayed.stdout)).toMatchObject({ replayed: true, identical: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies an action once per actionId, also when the retry races the first try', async () => {
    const { id, tokens, mover: role, offerOf } = await openSaop();
    const body = { actionId: 'offer-1', action: offerOf(0) };
    const answers = await Promise.all(
      [1, 2, 3].map(() => h.call('POST', `/sessions/${id}/actions`, tokens[role], body)),
    );
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
    expect(answers[0]!.body.accepted).toBe(true);
    const again = await h.call('POST', `/sessions/${id}/actions`, tokens[role], body);
    expect(again.body).toEqual(answers[0]!.body);
    const actions = (await h.logLines(id, tokens.convenor!)).filter(
      (l) => l.type === 'action' && l.actionId === 'offer-1',
    );
    expect(actions).toHaveLength(1);
  });

  it('answers a retry of a logged id from the log alone once the session is rebuilt, refusals included', async () => {
    const { id, tokens, mover, offerOf } = await openSaop();
    const waiter = Object.keys(tokens).find((r) => r !== 'convenor' && r !== mover)!;
    const [offer, counter] = [offerOf(0), offerOf(1)];
    const sent = [
      { role: mover, body: { actionId: 'offer-1', action: offer } },
      { role: mover, body: { actionId: 'out-of-turn', action: offer } },
      { role: waiter, body: { actionId: 'counter-1', action: counter } },
    ];
    // A refusal is an error that carries the action's answer.
    const answers = [];
    for (const { role, body } of sent)
      answers.push(((r) => r.answer ?? r)((await h.call('POST', `/sessions/${id}/actions`, tokens[role], body)).body));
    expect(answers.map((a) => a.accepted)).toEqual([true, false, true]);
    expect(answers[1].reason).toEqual(expect.any(String));
    const lines = (await h.logLines(id, tokens.convenor!)).length;
    const rebuilt = await LiveSession.load(h.store, id, planOf);
    for (const [i, { role, body }] of sent.entries())
      expect(await rebuilt.act(role, body.actionId, { ...body.action, actor: role })).toEqual(answers[i]);
    expect((await h.logLines(id, tokens.convenor!)).length).toBe(lines);
  });

  it('answers an id that another instance logged meanwhile with its answer, and logs the action once', async () => {
    const { id, tokens, mover, offerOf } = await openSaop();
    const offer: Action = { ...offerOf(0), actor: mover };
    const [behind, ahead] = [await LiveSession.load(h.store, id, planOf), await LiveSession.load(h.store, id, planOf)];
    const first = await ahead.act(mover, 'both-1', offer);
    expect(behind.headSeq).toBeLessThan(ahead.headSeq);
    expect(await behind.act(mover, 'both-1', offer)).toEqual(first);
    expect(behind.headSeq).toBe(ahead.headSeq);
    const logged = (await h.logLines(id, tokens.convenor!)).filter((l) => l.actionId === 'both-1');
    expect(logged).toHaveLength(1);
  });

  it('answers a person at once with a bot, and carries `expected` in every view and stream snapshot', async () => {
    const { id, tokens } = await h.open({ scenario: 'anac/2010/ItexvsCypress', timeScale: 1 });
    const view = (await h.call('GET', `/sessions/${id}/view`, tokens.convenor)).body;
    const [first, second] = view.expected.map((e: { role: string }) => e.role) as string[];
    const roles = Object.keys(tokens).filter((r) => r !== 'convenor');
    const person = first ?? roles[0]!;
    const bot = roles.find((r) => r !== person)!;
    expect(second === undefined || second === bot).toBe(true);
    expect(
      (
        await h.call('PUT', `/sessions/${id}/seats/${encodeURIComponent(bot)}/bot`, tokens.convenor, {
          strategy: 'conceder',
        })
      ).status,
    ).toBe(204);
    const mine = (await h.call('GET', `/sessions/${id}/view`, tokens[person])).body;
    expect(mine.expected).toEqual([expect.objectContaining({ role: person, may: expect.arrayContaining(['offer']) })]);
    const issues = (await h.call('GET', `/sessions/${id}`, tokens[person])).body.domain.issues as {
      name: string;
      values: string[];
    }[];
    const outcome = Object.fromEntries(issues.map((i) => [i.name, i.values[0]]));
    const answer = await h.call('POST', `/sessions/${id}/actions`, tokens[person], {
      actionId: 'p1',
      action: { kind: 'offer', outcome },
    });
    expect(answer.status).toBe(200);
    const streamed = await h.stream(
      id,
      tokens[person]!,
      -1,
      (events) => events.filter((e) => e.kind === 'offer').length >= 2,
    );
    expect(streamed.events.filter((e) => e.kind === 'offer').map((e: any) => e.actor)).toEqual([person, bot]);
    const snapshots = streamed.messages.filter((m) => m.type === 'expected');
    expect(snapshots.length).toBeGreaterThan(0);
    expect(snapshots.at(-1)).toMatchObject({ expected: [expect.objectContaining({ role: person })] });
  });

  it('survives a restart: the state is rebuilt from the log and the clock fires the deadline on time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-restart-'));
    const database = join(dir, 'p.db');
    try {
      const first = await Harness.start({ database });
      // 6 scenario hours per real second; a 3-hour deadline comes half a second after the start.
      const { id, tokens } = await first.open({ scenario: 'anac/2010/ItexvsCypress', time: 3, timeScale: 6 * 3600 });
      const before = await first.logLines(id, tokens.convenor!);
      await first.stop();
      await new Promise((r) => setTimeout(r, 700));
      const second = await Harness.start({ database, admin: first.admin });
      try {
        await second.untilOver(id, tokens.convenor!, 10_000);
        const after = await second.logLines(id, tokens.convenor!);
        expect(after.slice(0, before.length)).toEqual(before);
        const deadline = after.find((l) => l.type === 'event' && l.event.kind === 'deadline');
        expect(deadline.event.now).toBe(3);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parley serve', () => {
  it('starts on SQLite with nothing set up, prints the admin token, and refuses a second server on the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-serve-'));
    const start = () => {
      const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { cwd: dir });
      let out = '';
      const ready = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += String(d);
          if (out.includes('\n')) resolve(out);
        });
        child.stderr.on('data', (d) => (out += String(d)));
        child.on('exit', () => resolve(out));
        setTimeout(() => reject(new Error(out)), 30_000);
      });
      return { child, ready, output: () => out };
    };
    try {
      const a = start();
      const line = await a.ready;
      expect(line.slice(0, 1500)).toMatch(/listening on/);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)![1]!;
      await new Promise((r) => setTimeout(r, 200));
      expect(a.output()).toMatch(/Admin token \(shown once; only its hash is stored\): [\w-]{40,}/);
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/docs/json`)).status).toBe(200);
      const b = start();
      expect(await new Promise((r) => b.child.on('exit', r))).toBe(2);
      expect(b.output()).toMatch(/already served by process \d+/);
      a.child.kill('SIGTERM');
      await new Promise((r) => a.child.on('exit', r));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
