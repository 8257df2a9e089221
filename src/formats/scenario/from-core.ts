import type { Issue } from '../../core/issue.js';
import type { Party, RedLine } from '../../core/party.js';
import type { AgentSpec, Scenario } from '../../core/scenario.js';
import type { Audience, Effect, OutsideEvent } from '../../core/timeline.js';
import type { ValueFunction } from '../../core/utility.js';
import { NoteLookup, segment } from './notes.js';
import { FORMAT_VERSION } from './schema.js';

type Json = Record<string, unknown>;

/** Drops undefined fields and empty optional lists so the written file stays plain. */
function clean(obj: Json): Json {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/** The scenario as a file object (the shape the schema reads), with notes put back in place. */
export function scenarioToFile(scenario: Scenario): Json {
  const notes = new NoteLookup(scenario.notes);
  const roles = scenario.roles;
  return clean({
    parley: FORMAT_VERSION,
    name: scenario.name,
    title: scenario.title,
    description: scenario.description,
    origin: scenario.origin,
    reports: scenario.reports.map((r) => clean({ ...r })),
    issues: scenario.domain.issues.map((i) => issueToFile(i, notes)),
    phases: scenario.domain.phases.map((p) =>
      clean({ name: p.name, description: p.description, issues: [...p.issues], ...notes.prov(`phases.${p.name}`) }),
    ),
    parties: scenario.parties.map((p) => partyToFile(p, notes)),
    roles: {
      delegations: roles.delegations.map((d) =>
        clean({ ...d, ...notes.prov(`roles.delegations.${d.name}`, d.source) }),
      ),
      mediators: roles.mediators.map((m) =>
        clean({ ...m, channels: [...m.channels], ...notes.prov(`roles.mediators.${m.name}`, m.source) }),
      ),
      decisionBodies: roles.decisionBodies.map((b) =>
        clean({ ...b, ...notes.prov(`roles.decisionBodies.${b.name}`, b.source) }),
      ),
      workingGroups: roles.workingGroups.map((g) =>
        clean({
          ...g,
          members: [...g.members],
          issues: [...g.issues],
          ...notes.prov(`roles.workingGroups.${g.name}`, g.source),
        }),
      ),
      observers: roles.observers.map((o) => ({ name: o.name })),
    },
    positions: scenario.positions.map((p, i) =>
      clean({ ...p, issues: [...p.issues], ...notes.prov(`positions.${i}`, p.source) }),
    ),
    timeline: scenario.timeline.map((e) => eventToFile(e, notes)),
    background: scenario.background?.length
      ? scenario.background.map((b, i) => clean({ text: b.text, ...notes.prov(`background.${i}`, b.source) }))
      : undefined,
    simulation: scenario.simulation && simulationToFile(scenario.simulation, notes),
  });
}

function issueToFile(issue: Issue, notes: NoteLookup): Json {
  const path = `issues.${issue.name}`;
  const head = { name: issue.name, description: issue.description };
  const prov = notes.prov(path);
  switch (issue.kind) {
    case 'discrete':
      return clean({ ...head, values: [...issue.values], deferral: issue.deferral, ...prov });
    case 'integer':
      return clean({
        ...head,
        kind: 'integer',
        min: notes.num(`${path}.min`, issue.min),
        max: notes.num(`${path}.max`, issue.max),
        ...prov,
      });
    case 'real':
      return clean({
        ...head,
        kind: 'real',
        min: notes.num(`${path}.min`, issue.min),
        max: notes.num(`${path}.max`, issue.max),
        steps: notes.num(`${path}.steps`, issue.steps),
        ...prov,
      });
  }
}

function partyToFile(party: Party, notes: NoteLookup): Json {
  const base = `parties.${party.name}`;
  return clean({
    name: party.name,
    description: party.description,
    preferences: preferencesToFile(party, base, notes),
    reservation: notes.num(`${base}.reservation`, party.reservation),
    discount: notes.num(`${base}.discount`, party.discount),
    redLines: party.redLines.map((l) => redLineToFile(l, `${base}.redLines.${l.id}`, notes)),
    ...notes.prov(base),
  });
}

function preferencesToFile(party: Party, base: string, notes: NoteLookup): Json {
  const u = party.utility;
  const prov = notes.prov(`${base}.preferences`);
  if (u.kind === 'rectangles') {
    const rectangles = u.rectangles.map((r, i) => ({
      value: notes.num(`${base}.rectangles.${i}.value`, r.value),
      bounds: Object.fromEntries(
        Object.entries(r.bounds).map(([issue, b]) => [
          issue,
          'values' in b
            ? { values: [...b.values] }
            : {
                min: notes.num(`${base}.rectangles.${i}.bounds.${issue}.min`, b.min),
                max: notes.num(`${base}.rectangles.${i}.bounds.${issue}.max`, b.max),
              },
        ]),
      ),
    }));
    return { kind: 'rectangles', ...prov, scale: notes.num(`${base}.scale`, u.scale), rectangles };
  }
  return {
    ...prov,
    weights: Object.fromEntries(
      Object.entries(u.weights).map(([issue, w]) => [issue, notes.num(`${base}.weights.${issue}`, w)]),
    ),
    values: Object.fromEntries(
      Object.entries(u.values).map(([issue, fn]) => [issue, valueFunctionToFile(fn, `${base}.values.${issue}`, notes)]),
    ),
  };
}

function valueFunctionToFile(fn: ValueFunction, path: string, notes: NoteLookup): Json {
  switch (fn.kind) {
    case 'table':
      return Object.fromEntries(Object.entries(fn.utilities).map(([v, u]) => [v, notes.num(`${path}.${v}`, u)]));
    case 'linear':
      return {
        linear: { slope: notes.num(`${path}.slope`, fn.slope), offset: notes.num(`${path}.offset`, fn.offset) },
      };
    case 'piecewise':
      return {
        piecewise: fn.points.map(([x, u], i) => [
          notes.num(`${path}.points.${i}.x`, x),
          notes.num(`${path}.points.${i}.u`, u),
        ]),
      };
  }
}

function redLineToFile(line: RedLine, path: string, notes: NoteLookup): Json {
  return clean({
    id: line.id,
    issue: line.issue,
    allowed: line.allowed && [...line.allowed],
    min: line.min === undefined ? undefined : notes.num(`${path}.min`, line.min),
    max: line.max === undefined ? undefined : notes.num(`${path}.max`, line.max),
    description: line.description,
    ...notes.prov(path, line.source),
  });
}

function audienceToFile(a: Audience): unknown {
  switch (a.kind) {
    case 'all':
    case 'mediators':
      return a.kind;
    case 'party':
      return { party: a.party };
    case 'working-group':
      return { workingGroup: a.group };
    case 'decision-body':
      return { decisionBody: a.body };
  }
}

function eventToFile(e: OutsideEvent, notes: NoteLookup): Json {
  const path = `timeline.${e.id}`;
  return clean({
    id: e.id,
    at: notes.num(`${path}.at`, e.at),
    title: e.title,
    description: e.description,
    audience: audienceToFile(e.audience),
    effects: e.effects.map((f, i) => effectToFile(f, `${path}.effects.${i}`, notes)),
    ...notes.prov(path, e.source),
  });
}

function effectToFile(f: Effect, path: string, notes: NoteLookup): Json {
  const prov = notes.prov(path);
  switch (f.kind) {
    case 'reservation':
      return { kind: f.kind, party: f.party, delta: notes.num(`${path}.delta`, f.delta), ...prov };
    case 'weight':
      return { kind: f.kind, party: f.party, issue: f.issue, factor: notes.num(`${path}.factor`, f.factor), ...prov };
    case 'add-red-line':
      return { kind: f.kind, party: f.party, redLine: redLineToFile(f.redLine, `${path}.redLine`, notes), ...prov };
    case 'remove-red-line':
      return { kind: f.kind, party: f.party, id: f.id, ...prov };
    case 'deadline':
      return { kind: f.kind, delta: notes.num(`${path}.delta`, f.delta), ...prov };
  }
}

function agentToFile(a: AgentSpec, path: string, notes: NoteLookup): Json {
  const params =
    a.params &&
    Object.fromEntries(Object.entries(a.params).map(([k, v]) => [k, withProv(v, notes.prov(`${path}.params.${k}`))]));
  return clean({ strategy: a.strategy, role: a.role, params, ...notes.prov(path) });
}

function withProv(value: unknown, prov: object): unknown {
  return Object.keys(prov).length === 0 ? value : { value, ...prov };
}

function simulationToFile(sim: NonNullable<Scenario['simulation']>, notes: NoteLookup): Json {
  const opt = (path: string, v: number | undefined) => (v === undefined ? undefined : notes.num(path, v));
  return clean({
    protocol: sim.protocol,
    agents: sim.agents?.map((a, i) => agentToFile(a, `simulation.agents.${segment(a.role, i)}`, notes)),
    mediators: sim.mediators?.map((m, i) => agentToFile(m, `simulation.mediators.${segment(m.role, i)}`, notes)),
    rounds: opt('simulation.rounds', sim.rounds),
    hoursPerRound: opt('simulation.hoursPerRound', sim.hoursPerRound),
    seed: opt('simulation.seed', sim.seed),
    ...notes.prov('simulation'),
  });
}
