/**
 * A tournament's results folder (`--out`): a manifest naming the tournament, and every
 * finished negotiation appended to negotiations.jsonl as it ends. A second run with the
 * same folder reads them back and runs only what is missing (resume).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { ParleyError } from '../core/errors.js';
import { writeFileAtomic } from '../formats/atomic-write.js';
import { PARLEY_VERSION } from '../report/json/version.js';
import type { TournamentPlan } from './plan.js';
import type { NegotiationRow } from './types.js';

export const MANIFEST_FILE = 'tournament.json';
export const ROWS_FILE = 'negotiations.jsonl';

export interface Manifest {
  readonly parley: string;
  readonly tournament: string;
  readonly name: string;
  readonly negotiations: number;
  readonly batchSize: number;
  readonly definition: string;
}

/** The rows of a results file; a last line cut short by an interruption is dropped (and cut off). */
function readRows(file: string): NegotiationRow[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) truncateSync(file, Buffer.byteLength(text.slice(0, end)));
  return text
    .slice(0, end)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as NegotiationRow);
}

export class ResultStore {
  private readonly rows = new Map<string, NegotiationRow>();
  private readonly file: string;

  private constructor(
    readonly dir: string,
    readonly plan: TournamentPlan,
  ) {
    this.file = join(dir, ROWS_FILE);
  }

  /**
   * Opens `dir` for the plan: new, or holding earlier results of the same tournament
   * (resumed). Results of a different tournament are an error unless `fresh` discards them.
   */
  static open(dir: string, plan: TournamentPlan, definition: string, fresh = false): ResultStore {
    const store = new ResultStore(dir, plan);
    const manifestFile = join(dir, MANIFEST_FILE);
    if (existsSync(manifestFile) && !fresh) {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
      if (manifest.tournament !== plan.id)
        throw new ParleyError(
          'PARLEY_E_USAGE',
          `${dir} holds results of another tournament ("${manifest.name}", ${manifest.tournament}); give another --out, or --fresh to discard them`,
        );
      const known = new Set(plan.negotiations.map((n) => n.id));
      for (const row of readRows(store.file)) if (known.has(row.id)) store.rows.set(row.id, row);
    } else {
      if (fresh) rmSync(store.file, { force: true });
      mkdirSync(dir, { recursive: true });
      const manifest: Manifest = {
        parley: PARLEY_VERSION,
        tournament: plan.id,
        name: plan.name,
        negotiations: plan.negotiations.length,
        batchSize: plan.batchSize,
        definition,
      };
      writeFileAtomic(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
    }
    return store;
  }

  has(id: string): boolean {
    return this.rows.has(id);
  }

  get done(): number {
    return this.rows.size;
  }

  /** Records rows not seen before (each negotiation is stored once); returns how many were new. */
  add(rows: readonly NegotiationRow[]): number {
    const fresh = rows.filter((r) => !this.rows.has(r.id));
    if (fresh.length === 0) return 0;
    for (const r of fresh) this.rows.set(r.id, r);
    appendFileSync(this.file, fresh.map((r) => JSON.stringify(r) + '\n').join(''));
    return fresh.length;
  }

  /** Every row, in the tournament's order. */
  ordered(): NegotiationRow[] {
    return [...this.rows.values()].sort((a, b) => a.index - b.index);
  }

  /** Rewrites the results file in the tournament's order once every negotiation is in. */
  finish(): NegotiationRow[] {
    const rows = this.ordered();
    writeFileAtomic(this.file, rows.map((r) => JSON.stringify(r) + '\n').join(''));
    return rows;
  }
}
