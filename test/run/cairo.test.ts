import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parley, tempDir, type RunResult } from '../cli/run.js';

describe('parley run cairo-2024 (the demo simulation)', () => {
  let run: RunResult;
  let out: string;
  beforeAll(async () => {
    out = tempDir();
    run = await parley(['run', 'cairo-2024', '--out', out]);
  });

  it('runs with the scenario’s own protocol, mediators and agents', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('(shuttle, seed 2024)');
    expect(run.stdout).toMatch(/Egypt \(lead\) plays bridging; Qatar plays bridging/);
  });

  it('shows a delegation adjourning to consult its leadership and returning', () => {
    expect(run.stdout).toMatch(
      /The Hamas delegation adjourned to consult the Hamas leadership \(Doha\) until hour \d+\./,
    );
    expect(run.stdout).toMatch(/The Hamas delegation returned to the table\./);
  });

  it('shows a rejected text with its reason', () => {
    expect(run.stdout).toMatch(/(REJECTED pkg-\d+: .+|REFUSED to ratify pkg-\d+: .+)/);
  });

  it('shows the mediators’ note on the red lines a package cannot avoid, naming the one it crosses', () => {
    expect(run.stdout).toMatch(
      /Egypt tabled package pkg-\d+ to the Hamas delegation: .* Note: .*No text avoids every red line stated on rafah-operation; this one crosses the fewest: (Israel's rafah-regardless|Hamas's no-rafah-attack)\./,
    );
  });

  it('shows the outside events, the moved deadline and the relays', () => {
    expect(run.stdout).toContain('Outside event: Signs that Israel is preparing an assault on Rafah.');
    expect(run.stdout).toMatch(/The deadline moves to hour 84/);
    expect(run.stdout).toMatch(/Qatar relayed to the (Israeli|Hamas) delegation/);
  });

  it('ends with the outcome and the reason for it', () => {
    expect(run.stdout).toMatch(/Why:\n {2}(Impasse|Deal): /);
    if (run.stdout.includes('Impasse')) expect(run.stdout).toMatch(/red lines exclude each other on .*end-of-war/);
  });

  it('lets every party be asked about one package at a time: only the lead mediator tables', () => {
    const log = readFileSync(join(out, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const tablers = new Set(
      log.filter((l) => l.type === 'event' && l.event.kind === 'package-tabled').map((l) => l.event.actor),
    );
    expect([...tablers]).toEqual(['Egypt']);
  });

  it('writes the agreement text, the plots and a log that replays, also as one role sees it', async () => {
    const text = readFileSync(join(out, 'agreement.md'), 'utf8');
    expect(text).toMatch(/^# (Agreement|No agreement): Cairo talks/);
    expect(text).toContain('Source: “');
    expect(text).toContain('*Assumed*');
    for (const svg of ['offers.svg', 'concession.svg']) expect(readFileSync(join(out, svg), 'utf8')).toMatch(/^<svg/);
    const replay = await parley(['replay', join(out, 'events.jsonl'), '--as', 'Hamas delegation']);
    expect(replay.code, replay.stderr).toBe(0);
    // Hamas never sees what is tabled to Israel alone.
    expect(replay.stdout).not.toContain('to the Israeli delegation:');
    expect(replay.stdout).toContain('to the Hamas delegation:');
  });
});
