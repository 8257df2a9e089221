import type { Domain, Outcome } from '../../core/domain.js';
import type { BaseState } from '../base.js';
import type { Answer } from '../events.js';
import type { Action } from '../types.js';

/** A delegation's answer; `refused` marks one its decision body sent back. */
export type PackageAnswer = Answer | 'refused';

export interface ShuttlePackage {
  readonly id: string;
  readonly by: string;
  readonly text: Outcome;
  /** Parties it was tabled to. */
  readonly to: readonly string[];
  readonly answers: Readonly<Record<string, PackageAnswer>>;
  /** Parties whose decision body ratified it (or whose delegation binds itself). */
  readonly ratified: readonly string[];
  /** Parties whose decision body refused it: their delegation may not accept it again. */
  readonly refusedBy: readonly string[];
  readonly lapsed: { readonly party: string; readonly at: number } | null;
}

export interface Adjournment {
  readonly until: number;
  /** The package the delegation had before it when it left. */
  readonly considering: string | null;
  readonly missed: boolean;
}

export interface ShuttleState extends BaseState {
  readonly packages: readonly ShuttlePackage[];
  readonly adjourned: Readonly<Record<string, Adjournment>>;
  /** Parties that answered since the current round began. */
  readonly answeredThisRound: readonly string[];
}

export type Move = Exclude<Action, { kind: 'tick' | 'close' }>;

export const UNPHASED = '(unphased)';

export function findPackage(state: ShuttleState, id: string): ShuttlePackage | undefined {
  return state.packages.find((p) => p.id === id);
}

export function replacePackage(state: ShuttleState, pkg: ShuttlePackage): ShuttleState {
  return { ...state, packages: state.packages.map((p) => (p.id === pkg.id ? pkg : p)) };
}

/** The newest open package tabled to the party that it still has to answer. */
export function pendingFor(state: ShuttleState, party: string): ShuttlePackage | undefined {
  for (let i = state.packages.length - 1; i >= 0; i--) {
    const p = state.packages[i]!;
    const answer = p.answers[party];
    if (p.lapsed === null && p.to.includes(party) && (answer === undefined || answer === 'refused')) return p;
  }
  return undefined;
}

/** The oldest open package the party's delegation accepted and its decision body has not yet decided. */
export function awaitingRatification(state: ShuttleState, party: string): ShuttlePackage | undefined {
  return state.packages.find((p) => p.lapsed === null && p.answers[party] === 'accept' && !p.ratified.includes(party));
}

export function acceptedByAnyone(pkg: ShuttlePackage): boolean {
  return Object.values(pkg.answers).includes('accept') || pkg.ratified.length > 0;
}

/** Splits a package by phase, for reports and for delegations reading a phased text. */
export function byPhase(domain: Domain, pkg: Outcome): Record<string, Outcome> {
  const out: Record<string, Record<string, Outcome[string]>> = {};
  for (const [issue, value] of Object.entries(pkg)) {
    const phase = domain.phases.find((ph) => ph.issues.includes(issue))?.name ?? UNPHASED;
    (out[phase] ??= {})[issue] = value;
  }
  return out;
}
