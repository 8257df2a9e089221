import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isParleyError } from '../../src/core/errors.js';
import { formatEventLog, logRecords } from '../../src/session/event-log.js';
import { chainRecord, chainText, checkLink, lineHash, verifyChain } from '../../src/session/log-chain.js';
import { runSession } from '../../src/session/runner.js';
import { verifyLog } from '../../src/session/verify-log.js';
import { parley, tempDir } from '../cli/run.js';
import { RandomConceder } from './support/agents.js';
import { scenario } from './support/fixtures.js';

const KEY = 'correct horse battery staple';

function randomRun(seed: number) {
  const agents = [new RandomConceder('Israel-delegation'), new RandomConceder('Hamas-delegation')];
  return runSession({
    scenario: scenario(),
    protocol: 'saop',
    agents,
    deadline: { rounds: 30 },
    seed,
  });
}

const linesOf = (text: string) => text.trimEnd().split('\n');
const records = (text: string) => linesOf(text).map((l) => JSON.parse(l) as Record<string, unknown>);

/** What someone without the key can do: change records, then recompute every hash and the seal, keeping a signature. */
function rewrite(text: string, change: (r: Record<string, unknown>[]) => void, signature?: unknown): string {
  const body = records(text).filter((r) => r.type !== 'seal');
  change(body);
  const out: string[] = [];
  let head: string | null = null;
  for (const { prev: _, ...record } of body) {
    const link = chainRecord(record, head);
    out.push(link.line);
    head = link.hash;
  }
  const seal: Record<string, unknown> = { type: 'seal', lines: out.length };
  if (signature !== undefined) seal.signature = signature;
  out.push(chainRecord(seal, head).line);
  return out.join('\n') + '\n';
}

function refusal(text: string, key?: string): string {
  try {
    verifyLog(text, { file: 'run.jsonl', key });
  } catch (e) {
    expect(isParleyError(e) && e.code).toBe('PARLEY_E_LOG_INTEGRITY');
    return isParleyError(e) ? e.describe() : String(e);
  }
  return expect.unreachable('the log was accepted');
}

describe('the hash chain of an event log', () => {
  it('chains every line to the one before, header first, and ends with a seal of the head and the line count', () => {
    const text = formatEventLog(randomRun(3).log);
    const lines = linesOf(text);
    const parsed = records(text);
    expect(parsed[0]).toMatchObject({ type: 'header', version: 2 });
    expect(parsed[0]).not.toHaveProperty('prev');
    for (let i = 1; i < lines.length; i++) expect(parsed[i]!.prev).toBe(lineHash(lines[i - 1]!));
    expect(parsed.at(-1)).toEqual({ type: 'seal', lines: lines.length - 1, prev: lineHash(lines.at(-2)!) });
    const verified = verifyLog(text);
    expect(verified.integrity).toMatchObject({
      chain: 'intact',
      sealed: true,
      signature: 'absent',
      lines: lines.length - 1,
    });
    expect(verified.integrity.warnings).toEqual([]);
  });

  it('refuses an edited value, naming the line after it', () => {
    const text = formatEventLog(randomRun(3).log);
    const lines = linesOf(text);
    const k = lines.findIndex((l) => l.includes('"kind":"offer"') && l.startsWith('{"type":"event"'));
    const edited = lines[k]!.replace(
      /"withdrawal":"(\w+)"/,
      (_, v) => `"withdrawal":"${v === 'full' ? 'none' : 'full'}"`,
    );
    expect(edited).not.toBe(lines[k]);
    lines[k] = edited;
    expect(refusal(lines.join('\n'))).toMatch(
      new RegExp(`^run\\.jsonl:${k + 2}:1: the hash chain breaks at line ${k + 2}: its "prev" is not the hash`),
    );
  });

  it('refuses a log whose last action and its events were dropped, with or without the seal', () => {
    const text = formatEventLog(randomRun(3).log);
    const lines = linesOf(text);
    const lastAction = lines.map((l) => l.startsWith('{"type":"action"')).lastIndexOf(true);
    const kept = [...lines.slice(0, lastAction), lines.at(-1)!].join('\n');
    expect(refusal(kept)).toMatch(/the hash chain breaks at line \d+/);
    expect(refusal(lines.slice(0, lastAction).join('\n'))).toMatch(/the log is not sealed: it ends at line \d+/);
    // Cut short and resealed without the key, it is a consistent rewrite: only the key tells it.
    const signed = linesOf(formatEventLog(randomRun(3).log, { key: KEY }));
    const cut = signed.slice(0, lastAction);
    const signature = (JSON.parse(signed.at(-1)!) as { signature: string }).signature;
    cut.push(chainRecord({ type: 'seal', lines: cut.length, signature }, lineHash(cut.at(-1)!)).line);
    expect(refusal(cut.join('\n'), KEY)).toMatch(/the seal's signature does not match the key/);
    expect(verifyLog(cut.join('\n')).integrity.signature).toBe('unchecked');
  });

  it('refuses an edited seed at the line after the header', () => {
    const lines = linesOf(formatEventLog(randomRun(3).log));
    lines[0] = lines[0]!.replace('"seed":3', '"seed":4');
    expect(refusal(lines.join('\n'))).toMatch(/run\.jsonl:2:1: the hash chain breaks at line 2/);
  });

  it('refuses a consistent rewrite with the key, and reports it as unverifiable without it', () => {
    const signed = formatEventLog(randomRun(3).log, { key: KEY });
    expect(verifyLog(signed, { key: KEY }).integrity.signature).toBe('verified');
    const signature = records(signed).at(-1)!.signature;
    expect(signature).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    // Another run's log, every hash recomputed, the original signature copied into its seal.
    const other = rewrite(formatEventLog(randomRun(4).log), () => {}, signature);
    expect(refusal(other, KEY)).toMatch(/the seal's signature does not match the key/);
    const unchecked = verifyLog(other);
    expect(unchecked.integrity.signature).toBe('unchecked');
    expect(unchecked.integrity.warnings.join(' ')).toMatch(/no key was given .* not ruled out/);
    // The same rewrite with the signature stripped: refused with the key, not vouched for without it.
    const stripped = rewrite(signed, (r) => r.splice(-1, 1));
    expect(refusal(stripped, KEY)).toMatch(/the log is not signed, so the key cannot confirm it/);
    expect(refusal(formatEventLog(randomRun(3).log, { key: 'another key' }), KEY)).toMatch(/does not match the key/);
  });

  it('gives a store the same chain one record at a time', () => {
    const log = randomRun(5).log;
    let head: string | null = null;
    const lines: string[] = [];
    for (const record of logRecords(log)) {
      const link = chainRecord(record, head);
      expect(checkLink(link.line, JSON.parse(link.line), head, { file: 'store', line: lines.length + 1 })).toBe(
        link.hash,
      );
      lines.push(link.line);
      head = link.hash;
    }
    expect(lines.join('\n') + '\n').toBe(formatEventLog(log).replace(/\n[^\n]*\n$/, '\n'));
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(verifyChain(lines, parsed, { allowUnsealed: true })).toMatchObject({ sealed: false, head });
    expect(() => verifyChain(lines, parsed)).toThrow(/not sealed/);
    expect(() => checkLink(lines[2]!, parsed[2]!, lineHash(lines[0]!), { file: 'store', line: 3 })).toThrow(
      /the hash chain breaks at line 3: its "prev" is not the hash of the line before it/,
    );
  });

  it("chains a record's JSON text to the very line and hash that chaining the record gives", () => {
    let head: string | null = null;
    for (const record of logRecords(randomRun(7).log)) {
      expect(chainText(JSON.stringify(record), head)).toEqual(chainRecord(record, head));
      head = chainRecord(record, head).hash;
    }
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.option(fc.stringMatching(/^[0-9a-f]{64}$/)),
        (record, prev) => {
          delete record.prev;
          expect(chainText(JSON.stringify(record), prev)).toEqual(chainRecord(record, prev));
        },
      ),
    );
    expect(() => chainText('[1]', lineHash('x'))).toThrow(/JSON object/);
  });
});

describe('parley replay and the chain', () => {
  async function runLog(args: string[] = [], env: Record<string, string> = {}) {
    const out = tempDir();
    const r = await parley(['run', 'anac/2011/Laptop', '--quiet', '--out', out, ...args], { env });
    expect(r.code).toBe(0);
    return join(out, 'events.jsonl');
  }

  it('signs with --key or PARLEY_LOG_KEY, and checks with either', async () => {
    const file = await runLog(['--key', KEY]);
    const ok = await parley(['replay', file, '--key', KEY]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /Integrity: hash chain intact over \d+ lines, sealed, its signature verified with the key\./,
    );
    const keyFile = join(tempDir(), 'key');
    writeFileSync(keyFile, `${KEY}\n`);
    expect((await parley(['replay', file, '--key', `@${keyFile}`])).code).toBe(0);
    const wrong = await parley(['replay', file], { env: { PARLEY_LOG_KEY: 'not the key' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/signature does not match the key: .*\[PARLEY_E_LOG_INTEGRITY\]/);
    const fromEnv = await runLog([], { PARLEY_LOG_KEY: KEY });
    expect((await parley(['replay', fromEnv, '--key', KEY])).code).toBe(0);
    const unchecked = await parley(['replay', fromEnv, '--json']);
    expect(unchecked.code).toBe(0);
    expect(unchecked.stderr).toMatch(/^parley: warning: .*events\.jsonl: the log is signed, but no key was given/);
    expect(JSON.parse(unchecked.stdout).integrity).toMatchObject({
      chain: 'intact',
      sealed: true,
      signature: 'unchecked',
    });
  });

  it('still replays a log written before the chain, with a warning that it is unsealed', async () => {
    const file = await runLog();
    const v1 = records(readFileSync(file, 'utf8'))
      .filter((r) => r.type !== 'seal')
      .map(({ prev: _, ...r }) => JSON.stringify(r.type === 'header' ? { ...r, version: 1 } : r));
    writeFileSync(file, v1.join('\n') + '\n');
    const r = await parley(['replay', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^parley: warning: .*written before parley chained and sealed its logs \(version 1\)/);
    expect(r.stdout).toContain('Integrity: not checked: the log has no hash chain');
    const keyed = await parley(['replay', file, '--key', KEY]);
    expect(keyed.code).toBe(1);
    expect(keyed.stderr).toContain('the key cannot confirm it');
  });

  it('refuses an edited header deadline with a clear error, not an internal one', async () => {
    const file = await runLog();
    const text = readFileSync(file, 'utf8');
    const edit = (deadline: unknown) =>
      rewrite(text, (r) => {
        r[0] = { ...r[0], setup: { ...(r[0]!.setup as object), deadline } };
      });
    for (const [deadline, message] of [
      [null, /the header's setup\.deadline is not valid/],
      [{ rounds: -1 }, /the header's setup\.deadline\.rounds is not valid/],
      [{ rounds: 3 }, /the log does not replay: action \d+ \(.*\) was accepted in the log and is refused/],
    ] as const) {
      writeFileSync(file, edit(deadline));
      const r = await parley(['replay', file]);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(1);
    }
    writeFileSync(file, text.replace('"deadline":{"rounds":', '"deadline":{"round":'));
    const edited = await parley(['replay', file]);
    expect(edited.stderr).toMatch(/the hash chain breaks at line 2/);
    expect(edited.code).toBe(1);
  });
});
