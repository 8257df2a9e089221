import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ParleyError } from '../../core/errors.js';
import { utilityFor } from '../../core/party.js';
import { writeEventLog } from '../../session/event-log.js';
import { concessionPoints, plotConcession } from '../plot/concession.js';
import { plotOffers } from '../plot/offers.js';
import { writeFileAtomic } from '../../formats/atomic-write.js';
import { agreementMarkdown } from './agreement.js';
import { positionsOf } from '../../protocols/log-queries.js';
import { outsideMarks } from './positions.js';
import type { RunOutcome } from '../../session/simulate.js';

/** The files a run writes, by kind. */
export interface RunFiles {
  readonly log: string;
  readonly offers: string;
  readonly concession: string;
  readonly agreement: string;
}

export function runFiles(outDir: string): RunFiles {
  return {
    log: join(outDir, 'events.jsonl'),
    offers: join(outDir, 'offers.svg'),
    concession: join(outDir, 'concession.svg'),
    agreement: join(outDir, 'agreement.md'),
  };
}

/** The two plots of a run: offers in utility space and concession curves. */
export async function writeRunPlots(run: RunOutcome, files: Pick<RunFiles, 'offers' | 'concession'>): Promise<void> {
  const { scenario } = run.plan;
  const events = run.log.events;
  const title = scenario.title ?? scenario.name;
  const hours = scenario.simulation?.hoursPerRound !== undefined;
  const offers = positionsOf(events).map((p, i) => ({
    by: p.by,
    at: p.at,
    order: i,
    utilities: run.parties.map((party) => utilityFor(party, p.outcome)),
  }));
  const effectsFired = events.some((e) => e.kind === 'outside-event' && e.effects.length > 0);
  await plotOffers(
    {
      title,
      parties: run.parties.map((p) => p.name),
      offers,
      frontier: run.analysis?.frontier.map((p) => p.utilities) ?? [],
      agreement: run.result.outcome ? run.parties.map((p) => utilityFor(p, run.result.outcome!)) : null,
      reservation: run.parties.map((p) => p.reservation),
      notes: effectsFired ? ['utilities as the parties weigh them at the end, after the outside events'] : [],
    },
    files.offers,
  );
  const points = concessionPoints(events, scenario.parties);
  await plotConcession(
    {
      title,
      points,
      marks: outsideMarks(events),
      timeTitle: hours ? 'Hours from the start' : 'Time (rounds)',
      parties: scenario.parties.map((p) => p.name),
    },
    files.concession,
  );
}

/** Writes the event log (its seal signed with `logKey` when given), the plots and the agreement text into `outDir`. */
export async function writeRunReport(
  run: RunOutcome,
  outDir: string,
  options: { readonly logKey?: string } = {},
): Promise<RunFiles> {
  const files = runFiles(outDir);
  try {
    mkdirSync(outDir, { recursive: true });
    writeEventLog(files.log, run.log, { key: options.logKey });
  } catch (cause) {
    throw new ParleyError('PARLEY_E_INPUT', `cannot write the run report into ${outDir}: ${(cause as Error).message}`, {
      position: { file: outDir },
      expected: 'a folder parley may create and write',
      cause,
    });
  }
  await writeRunPlots(run, files);
  writeFileAtomic(files.agreement, agreementMarkdown(run));
  return files;
}
