import type { Domain } from '../../core/domain.js';
import { DEFAULT_REAL_STEPS, type Issue } from '../../core/issue.js';
import type { Roles } from '../../core/roles.js';
import type { AgentSpec, ReportedPosition, Scenario, SimulationDefaults } from '../../core/scenario.js';
import type { Audience, Effect, OutsideEvent } from '../../core/timeline.js';
import { NoteCollector, segment } from './notes.js';
import type { AgentSpecFile, EffectFile, IssueFile, ScenarioFile } from './schema.js';
import { partyFromFile, redLineFromFile } from './to-core-party.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Maps a checked scenario file to the core model, gathering provenance into notes. */
export function scenarioFromFile(file: ScenarioFile): Scenario {
  const notes = new NoteCollector();
  const domain: Domain = {
    name: file.name,
    issues: file.issues.map((i) => issueFromFile(i, notes)),
    phases: (file.phases ?? []).map((p) => {
      notes.mark(`phases.${p.name}`, p);
      return p.description === undefined
        ? { name: p.name, issues: [...p.issues] }
        : { name: p.name, issues: [...p.issues], description: p.description };
    }),
  };
  const scenario: Mutable<Scenario> = {
    name: file.name,
    reports: (file.reports ?? []).map((r) => ({ ...r })),
    domain,
    parties: file.parties.map((p) => partyFromFile(p, notes)),
    roles: rolesFromFile(file.roles ?? {}, notes),
    positions: (file.positions ?? []).map((p, i) => {
      notes.mark(`positions.${i}`, p);
      const out: Mutable<ReportedPosition> = {
        party: p.party,
        public: p.public,
        text: p.text,
        issues: [...(p.issues ?? [])],
      };
      if (p.source) out.source = { ...p.source };
      return out;
    }),
    timeline: (file.timeline ?? []).map((e) => eventFromFile(e, notes)),
    background: (file.background ?? []).map((b, i) => {
      notes.mark(`background.${i}`, b);
      return b.source ? { text: b.text, source: { ...b.source } } : { text: b.text };
    }),
    notes: notes.notes,
  };
  if (file.title !== undefined) scenario.title = file.title;
  if (file.description !== undefined) scenario.description = file.description;
  if (file.origin !== undefined) scenario.origin = file.origin;
  if (file.simulation !== undefined) scenario.simulation = simulationFromFile(file.simulation, notes);
  return scenario;
}

function issueFromFile(issue: IssueFile, notes: NoteCollector): Issue {
  const path = `issues.${issue.name}`;
  notes.mark(path, issue);
  const described = issue.description === undefined ? {} : { description: issue.description };
  switch (issue.kind) {
    case undefined:
    case 'discrete':
      return {
        kind: 'discrete',
        name: issue.name,
        values: [...issue.values],
        ...(issue.deferral === undefined ? {} : { deferral: issue.deferral }),
        ...described,
      };
    case 'integer':
      return {
        kind: 'integer',
        name: issue.name,
        min: notes.num(`${path}.min`, issue.min),
        max: notes.num(`${path}.max`, issue.max),
        ...described,
      };
    case 'real':
      return {
        kind: 'real',
        name: issue.name,
        min: notes.num(`${path}.min`, issue.min),
        max: notes.num(`${path}.max`, issue.max),
        steps: notes.optionalNum(`${path}.steps`, issue.steps) ?? DEFAULT_REAL_STEPS,
        ...described,
      };
  }
}

function sourced<T extends object>(
  item: T & { source?: { file: string; quote: string } },
  path: string,
  notes: NoteCollector,
): T {
  notes.mark(path, item);
  const { source, ...rest } = item;
  return (source ? { ...rest, source: { ...source } } : rest) as T;
}

function rolesFromFile(roles: NonNullable<ScenarioFile['roles']>, notes: NoteCollector): Roles {
  return {
    delegations: (roles.delegations ?? []).map((d) => sourced(d, `roles.delegations.${d.name}`, notes)),
    mediators: (roles.mediators ?? []).map((m) =>
      sourced({ ...m, channels: [...(m.channels ?? [])] }, `roles.mediators.${m.name}`, notes),
    ),
    decisionBodies: (roles.decisionBodies ?? []).map((b) => sourced(b, `roles.decisionBodies.${b.name}`, notes)),
    workingGroups: (roles.workingGroups ?? []).map((g) =>
      sourced({ ...g, members: [...g.members], issues: [...(g.issues ?? [])] }, `roles.workingGroups.${g.name}`, notes),
    ),
    observers: (roles.observers ?? []).map((o) => ({ name: o.name })),
  };
}

export function audienceFromFile(a: NonNullable<ScenarioFile['timeline']>[number]['audience']): Audience {
  if (a === undefined || a === 'all') return { kind: 'all' };
  if (a === 'mediators') return { kind: 'mediators' };
  if ('party' in a) return { kind: 'party', party: a.party };
  if ('workingGroup' in a) return { kind: 'working-group', group: a.workingGroup };
  return { kind: 'decision-body', body: a.decisionBody };
}

function eventFromFile(e: NonNullable<ScenarioFile['timeline']>[number], notes: NoteCollector): OutsideEvent {
  const path = `timeline.${e.id}`;
  notes.mark(path, e);
  const out: Mutable<OutsideEvent> = {
    id: e.id,
    at: notes.num(`${path}.at`, e.at),
    title: e.title,
    audience: audienceFromFile(e.audience),
    effects: (e.effects ?? []).map((f, i) => effectFromFile(f, `${path}.effects.${i}`, notes)),
  };
  if (e.description !== undefined) out.description = e.description;
  if (e.source !== undefined) out.source = { ...e.source };
  return out;
}

function effectFromFile(f: EffectFile, path: string, notes: NoteCollector): Effect {
  notes.mark(path, f);
  switch (f.kind) {
    case 'reservation':
      return { kind: 'reservation', party: f.party, delta: notes.num(`${path}.delta`, f.delta) };
    case 'weight':
      return { kind: 'weight', party: f.party, issue: f.issue, factor: notes.num(`${path}.factor`, f.factor) };
    case 'add-red-line':
      return { kind: 'add-red-line', party: f.party, redLine: redLineFromFile(f.redLine, `${path}.redLine`, notes) };
    case 'remove-red-line':
      return { kind: 'remove-red-line', party: f.party, id: f.id };
    case 'deadline':
      return { kind: 'deadline', delta: notes.num(`${path}.delta`, f.delta) };
  }
}

function agentFromFile(a: AgentSpecFile, path: string, notes: NoteCollector): AgentSpec {
  notes.mark(path, a);
  const out: Mutable<AgentSpec> = { strategy: a.strategy };
  if (a.role !== undefined) out.role = a.role;
  if (a.params !== undefined) {
    out.params = Object.fromEntries(
      Object.entries(a.params).map(([k, v]) => {
        if (typeof v !== 'object') return [k, v];
        notes.mark(`${path}.params.${k}`, v);
        return [k, v.value];
      }),
    );
  }
  return out;
}

function simulationFromFile(sim: NonNullable<ScenarioFile['simulation']>, notes: NoteCollector): SimulationDefaults {
  notes.mark('simulation', sim);
  const out: Mutable<SimulationDefaults> = {};
  if (sim.protocol !== undefined) out.protocol = sim.protocol;
  if (sim.agents !== undefined)
    out.agents = sim.agents.map((a, i) => agentFromFile(a, `simulation.agents.${segment(a.role, i)}`, notes));
  if (sim.mediators !== undefined)
    out.mediators = sim.mediators.map((m, i) => agentFromFile(m, `simulation.mediators.${segment(m.role, i)}`, notes));
  const rounds = notes.optionalNum('simulation.rounds', sim.rounds);
  const hours = notes.optionalNum('simulation.hoursPerRound', sim.hoursPerRound);
  const seed = notes.optionalNum('simulation.seed', sim.seed);
  if (rounds !== undefined) out.rounds = rounds;
  if (hours !== undefined) out.hoursPerRound = hours;
  if (seed !== undefined) out.seed = seed;
  return out;
}
