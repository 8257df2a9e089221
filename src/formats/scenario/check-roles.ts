import type { CheckContext } from './check-context.js';
import { checkRedLine } from './check-domain.js';
import type { ScenarioFile } from './schema.js';

type Roles = NonNullable<ScenarioFile['roles']>;

/** Checks that roles, positions, events and simulation defaults name what the file declares. */
export function checkReferences(ctx: CheckContext): void {
  const roles: Roles = ctx.file.roles ?? {};
  checkRoles(ctx, roles);
  checkPositions(ctx);
  checkTimeline(ctx, roles);
  checkSimulation(ctx, roles);
}

function names(items: readonly { name: string }[] | undefined): Set<string> {
  return new Set((items ?? []).map((i) => i.name));
}

function checkRoles(ctx: CheckContext, roles: Roles): void {
  const bodies = names(roles.decisionBodies);
  const phases = names(ctx.file.phases);
  for (const key of ['delegations', 'mediators', 'decisionBodies', 'workingGroups', 'observers'] as const) {
    ctx.expectUnique(
      ['roles', key],
      (roles[key] ?? []).map((r) => r.name),
      'role',
    );
  }
  (roles.decisionBodies ?? []).forEach((b, i) =>
    ctx.expectKnown(['roles', 'decisionBodies', i, 'party'], b.party, ctx.partyNames, 'party'),
  );
  (roles.delegations ?? []).forEach((d, i) => {
    ctx.expectKnown(['roles', 'delegations', i, 'party'], d.party, ctx.partyNames, 'party');
    if (d.decisionBody !== undefined)
      ctx.expectKnown(['roles', 'delegations', i, 'decisionBody'], d.decisionBody, bodies, 'decision body');
  });
  (roles.mediators ?? []).forEach((m, i) => {
    (m.channels ?? []).forEach((c, j) =>
      ctx.expectKnown(['roles', 'mediators', i, 'channels', j], c, ctx.partyNames, 'party'),
    );
  });
  const members = new Set([...ctx.partyNames, ...names(roles.mediators), ...names(roles.delegations), ...bodies]);
  (roles.workingGroups ?? []).forEach((g, i) => {
    g.members.forEach((m, j) =>
      ctx.expectKnown(['roles', 'workingGroups', i, 'members', j], m, members, 'party or role'),
    );
    if (g.phase !== undefined) ctx.expectKnown(['roles', 'workingGroups', i, 'phase'], g.phase, phases, 'phase');
    (g.issues ?? []).forEach((s, j) =>
      ctx.expectKnown(['roles', 'workingGroups', i, 'issues', j], s, ctx.issueNames, 'issue'),
    );
  });
}

function checkPositions(ctx: CheckContext): void {
  (ctx.file.positions ?? []).forEach((p, i) => {
    ctx.expectKnown(['positions', i, 'party'], p.party, ctx.partyNames, 'party');
    (p.issues ?? []).forEach((s, j) => ctx.expectKnown(['positions', i, 'issues', j], s, ctx.issueNames, 'issue'));
  });
}

function checkTimeline(ctx: CheckContext, roles: Roles): void {
  const events = ctx.file.timeline ?? [];
  ctx.expectUnique(
    ['timeline'],
    events.map((e) => e.id),
    'event',
    'id',
  );
  const redLineIds = new Map(ctx.file.parties.map((p) => [p.name, new Set((p.redLines ?? []).map((l) => l.id))]));
  events.forEach((event, e) => {
    const audience = event.audience;
    if (audience !== undefined && typeof audience === 'object') {
      const path = ['timeline', e, 'audience'];
      if ('party' in audience) ctx.expectKnown([...path, 'party'], audience.party, ctx.partyNames, 'party');
      if ('workingGroup' in audience)
        ctx.expectKnown([...path, 'workingGroup'], audience.workingGroup, names(roles.workingGroups), 'working group');
      if ('decisionBody' in audience)
        ctx.expectKnown([...path, 'decisionBody'], audience.decisionBody, names(roles.decisionBodies), 'decision body');
    }
    (event.effects ?? []).forEach((effect, f) => {
      const path = ['timeline', e, 'effects', f];
      if (effect.kind === 'deadline') return;
      ctx.expectKnown([...path, 'party'], effect.party, ctx.partyNames, 'party');
      const ids = redLineIds.get(effect.party)!;
      if (effect.kind === 'weight') ctx.expectKnown([...path, 'issue'], effect.issue, ctx.issueNames, 'issue');
      if (effect.kind === 'add-red-line') {
        checkRedLine(ctx, effect.redLine, [...path, 'redLine']);
        ids.add(effect.redLine.id);
      }
      if (effect.kind === 'remove-red-line')
        ctx.expectKnown([...path, 'id'], effect.id, ids, `red line of party "${effect.party}"`);
    });
  });
}

function checkSimulation(ctx: CheckContext, roles: Roles): void {
  const sim = ctx.file.simulation;
  if (!sim) return;
  const agentRoles = new Set([...ctx.partyNames, ...names(roles.delegations)]);
  (sim.agents ?? []).forEach((a, i) => {
    if (a.role !== undefined) ctx.expectKnown(['simulation', 'agents', i, 'role'], a.role, agentRoles, 'party');
  });
  (sim.mediators ?? []).forEach((m, i) => {
    if (m.role !== undefined)
      ctx.expectKnown(['simulation', 'mediators', i, 'role'], m.role, names(roles.mediators), 'mediator');
  });
}
