import { crossesRedLine } from '../src/core/party.js';
import { createAgent } from '../src/agents/index.js';
import { OwnPreferences } from '../src/agents/preferences.js';
import { concessionTarget, DEFAULT_EXPONENTS } from '../src/agents/strategies/time-dependent.js';
import { runSession } from '../src/session/runner.js';
import { resultOf } from '../src/session/simulate.js';
import { scenariosByWidth } from './lib/mediated-scenarios.js';
import { auditMediation } from './lib/mediation-audit.js';
const PER = Number(process.env.MEDIATION_SCENARIOS ?? 6);
const MEDS = (process.env.MEDS ?? 'hill-climb').split(',');
const VERB = process.env.VERB === '1';
const ROUNDS = 60;
const scen = scenariosByWidth(PER).filter((s) => s.width !== 'empty');
let total = 0, agreed = 0, rep = 0;
const per: Record<string, [number, number]> = {};
for (const [k, s] of scen.entries()) {
  const scenario = s.scenario; const domain = scenario.domain;
  for (const protocol of ['single-text', 'shuttle'])
    for (const mediator of MEDS)
      for (const strategy of ['boulware', 'linear', 'conceder'] as const) {
        const agents = [
          createAgent({ strategy: mediator }, 'Mediator', { kind: 'mediator', domain, seed: 11 }),
          ...scenario.parties.map((p, i) => createAgent({ strategy }, `${p.name}-delegation`, { kind: 'delegation', domain, party: p.name, self: p, seed: 3 + i })),
        ];
        const run = runSession({ scenario, protocol, agents, deadline: { rounds: ROUNDS }, seed: 1 });
        const res = resultOf(scenario, run);
        const audit = auditMediation(domain, run.log.events, 'Mediator');
        total++; if (res.agreement) agreed++; rep += audit.unchangedRepeats;
        const key = `${mediator} ${protocol}`; per[key] ??= [0, 0]; per[key][1]++; if (res.agreement) per[key][0]++;
        if (!res.agreement) {
          console.log(`FAIL ${k} ${s.width} ${protocol} ${mediator} ${strategy} parties=${scenario.parties.length} issues=${domain.issues.length}`);
          if (VERB) {
            const prefs = scenario.parties.map((p) => new OwnPreferences(domain, p));
            const bar = (i: number, r: number) => { const p = prefs[i]!; const at = p.lowestAtLeast(concessionTarget(r / ROUNDS, p.max, p.floor, DEFAULT_EXPONENTS[strategy])); return at < 0 ? Infinity : p.utilityAt(at); };
            let rc = 0;
            for (const e of run.log.events as any[]) {
              if (VERB && e.kind === 'text-response' && rc > 52) console.log('     ', e.party, e.answer, JSON.stringify(e.position ?? {}).slice(0, 150));
              if (e.kind === 'text-tabled' || e.kind === 'held') {
                const r = rc++; if (r < 40) continue;
                if (e.kind === 'held') { console.log(`  r${r} held`); continue; }
                const margins = prefs.map((p, i) => (p.acceptable(e.text) ? (p.utility(e.text) - bar(i, r)).toFixed(2) : scenario.parties[i]!.redLines.some((l) => crossesRedLine(l, e.text)) ? 'R' : 'W' + p.utility(e.text).toFixed(2) + '/' + scenario.parties[i]!.reservation.toFixed(2)));
                console.log(`  r${r} ${e.proposal} ${margins.join(' ')} ${(e.note ?? '').slice(0, 100)}`);
              }
            }
          }
        }
      }
}
console.log(`agreed ${agreed}/${total} (${((100 * agreed) / total).toFixed(1)}%) repeats ${rep}`);
console.log(per);
