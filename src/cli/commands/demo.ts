import { join, relative } from 'node:path';
import type { Command } from 'commander';
import type { Analysis } from '../../analysis/types.js';
import type { Scenario } from '../../core/scenario.js';
import { renderAnalysisText } from '../../report/analysis/text.js';
import { plotFrontier } from '../../report/plot/frontier.js';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';
import { analyzeInputs } from './analyze.js';
import { simulationDemoStep } from './run.js';
import { actTwoStep } from './demo-act-two.js';

/** What the demo steps share: the scenario, where files go, and what earlier steps found. */
export interface DemoContext {
  readonly io: CliIo;
  readonly scenarioName: string;
  /** Folder for the demo's files (out/<scenario>/ under the working directory). */
  readonly outDir: string;
  scenario?: Scenario;
  analysis?: Analysis;
}

export interface DemoStep {
  readonly title: string;
  run(ctx: DemoContext): Promise<void>;
}

const analyzeStep: DemoStep = {
  title: 'Analysis',
  async run(ctx) {
    const { scenario, analysis } = analyzeInputs([ctx.scenarioName], ctx.io);
    ctx.scenario = scenario;
    ctx.analysis = analysis;
    ctx.io.out(renderAnalysisText(scenario, analysis));
    const file = join(ctx.outDir, 'frontier.svg');
    await plotFrontier(scenario, analysis, { file });
    ctx.io.out(`\nFrontier plot written to ${relative(ctx.io.cwd, file)}\n`);
  },
};

/** The demo, step by step; a later step (e.g. a simulation) is added by appending here. */
export const DEMO_STEPS: DemoStep[] = [analyzeStep, simulationDemoStep, actTwoStep];

export async function runDemo(
  io: CliIo,
  scenarioName = 'cairo-2024',
  steps: readonly DemoStep[] = DEMO_STEPS,
): Promise<void> {
  const ctx: DemoContext = { io, scenarioName, outDir: join(io.cwd, 'out', scenarioName) };
  for (const [i, step] of steps.entries()) {
    io.out(`${i === 0 ? '' : '\n'}=== ${i + 1}. ${step.title}: ${scenarioName} ===\n\n`);
    await step.run(ctx);
  }
}

export const demoCommand: CliCommand = {
  name: 'demo',
  register(program: Command, io: CliIo) {
    program
      .command('demo')
      .description(
        'analyse and simulate the built-in cairo-2024 scenario, writing plots, log and agreement text to out/cairo-2024/ (what `npm start` runs)',
      )
      .argument('[scenario]', 'another built-in scenario to demonstrate on', 'cairo-2024')
      .action((scenario: string) => runDemo(io, scenario));
  },
};
