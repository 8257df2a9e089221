/** Everything the coordinator writes to `--out` once every negotiation is in. */
import { join } from 'node:path';
import { writeFileAtomic } from '../formats/atomic-write.js';
import type { TournamentPlan } from './plan.js';
import { plotHeadToHead, plotScoreDistribution } from './plots.js';
import { agentScores, headToHead, mediatorScores, type AgentScore, type MediatorScore } from './scores.js';
import { mediatorScoresCsv, mediatorTable, rankedTable, rowsCsv, scoresCsv } from './tables.js';
import type { NegotiationRow } from './types.js';

export interface TournamentReport {
  readonly agents: readonly AgentScore[];
  readonly mediators: readonly MediatorScore[];
  /** The ranked table (and the mediators' table, when there are mediators) as text. */
  readonly text: string;
  /** Files written, by what they hold. */
  readonly files: Readonly<Record<string, string>>;
}

export const REPORT_FILES = {
  rowsCsv: 'negotiations.csv',
  rowsJsonl: 'negotiations.jsonl',
  scoresCsv: 'scores.csv',
  scoresJson: 'scores.json',
  scoresText: 'scores.txt',
  mediatorsCsv: 'mediators.csv',
  distribution: 'scores.svg',
  headToHead: 'head-to-head.svg',
} as const;

/** Scores the rows (in the tournament's order) and writes the tables and plots to `dir`. */
export async function writeTournamentReport(
  dir: string,
  plan: TournamentPlan,
  rows: readonly NegotiationRow[],
): Promise<TournamentReport> {
  const labels = plan.agents.map((a) => a.label);
  const agents = agentScores(rows, labels);
  const mediators = mediatorScores(
    rows,
    plan.mediators.map((m) => m.label),
  );
  const text = rankedTable(agents) + (mediators.length ? `\nMediators\n\n${mediatorTable(mediators)}` : '');
  const path = (f: string) => join(dir, f);
  const files: Record<string, string> = {
    rowsJsonl: path(REPORT_FILES.rowsJsonl),
    rowsCsv: path(REPORT_FILES.rowsCsv),
    scoresCsv: path(REPORT_FILES.scoresCsv),
    scoresJson: path(REPORT_FILES.scoresJson),
    scoresText: path(REPORT_FILES.scoresText),
    distribution: path(REPORT_FILES.distribution),
    headToHead: path(REPORT_FILES.headToHead),
  };
  writeFileAtomic(files.rowsCsv!, rowsCsv(rows));
  writeFileAtomic(files.scoresCsv!, scoresCsv(agents));
  writeFileAtomic(files.scoresText!, text);
  const json = { tournament: plan.id, name: plan.name, negotiations: rows.length, agents, mediators };
  writeFileAtomic(files.scoresJson!, JSON.stringify(json, null, 2) + '\n');
  if (mediators.length) {
    files.mediatorsCsv = path(REPORT_FILES.mediatorsCsv);
    writeFileAtomic(files.mediatorsCsv, mediatorScoresCsv(mediators));
  }
  writeFileAtomic(files.distribution!, await plotScoreDistribution(plan.name, rows, agents));
  writeFileAtomic(files.headToHead!, await plotHeadToHead(plan.name, labels, headToHead(rows, labels)));
  return { agents, mediators, text, files };
}
