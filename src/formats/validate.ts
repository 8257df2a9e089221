import { outcomeCount } from '../core/domain.js';
import { formatName, resolveInput } from './input.js';

/**
 * Reads and checks inputs without analysing them. Throws the ParleyError of the first
 * problem; otherwise returns a one-paragraph summary.
 */
export function validateInput(inputs: readonly string[]): { ok: true; summary: string } {
  const { scenario, format, builtin } = resolveInput(inputs);
  const parties = scenario.parties.map((p) => {
    const kind = p.utility.kind === 'additive' ? 'additive' : `${p.utility.rectangles.length} hyper-rectangles`;
    return `${p.name} (${kind}, reservation ${p.reservation}${p.discount < 1 ? `, discount ${p.discount}` : ''})`;
  });
  const issues = scenario.domain.issues.length;
  const lines = [
    `${builtin ? `built-in ${builtin}` : `scenario "${scenario.name}"`}: ${formatName(format)}`,
    `${scenario.parties.length} parties: ${parties.join(', ')}`,
    `${issues} issue${issues === 1 ? '' : 's'}, ${outcomeCount(scenario.domain).toLocaleString('en-US')} outcomes${scenario.domain.phases.length ? `, ${scenario.domain.phases.length} phases` : ''}`,
  ];
  if (scenario.origin) lines.push(`origin: ${scenario.origin}`);
  return { ok: true, summary: lines.join('\n') };
}
