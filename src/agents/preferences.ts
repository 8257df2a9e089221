import type { Domain, Outcome } from '../core/domain.js';
import { crossesRedLine, type Party, type RedLine } from '../core/party.js';
import type { UtilityFunction } from '../core/utility.js';
import { redLineMasks } from '../analysis/compile.js';
import { countAtLeast, outcomeAt, outcomeSpace, type OutcomeSpace, utilityIn } from './space/outcome-space.js';

/**
 * An agent's own preferences as it stands now: the sorted outcome space of its utility,
 * its reservation value and its red lines. Outside events change the party during the
 * talks; `update` follows them, recompiling only when the utility itself changed.
 */
export class OwnPreferences {
  private space!: OutcomeSpace;
  private party!: Party;
  /** allowed[i][j] = 0 when value j of issue i crosses a red line. */
  private allowed: Uint8Array[] | null = null;
  private scratch: Int32Array<ArrayBuffer>;
  /** Best and lowest positions of outcomes within red lines (utility aside). */
  private firstOk = 0;
  private lastOk = 0;
  private learnedFloor = -Infinity;

  constructor(
    readonly domain: Domain,
    party: Party,
  ) {
    this.scratch = new Int32Array(domain.issues.length);
    this.update(party);
  }

  update(party: Party): void {
    if (this.party === party) return;
    const utilityChanged = !this.party || !sameUtility(this.party.utility, party.utility);
    const linesChanged = !this.party || !sameRedLines(this.party.redLines, party.redLines);
    this.party = party;
    if (utilityChanged) this.space = outcomeSpace(this.domain, party.utility);
    if (linesChanged) this.allowed = redLineMasks(this.domain, party.redLines);
    if (utilityChanged || linesChanged) this.locateBounds();
  }

  get current(): Party {
    return this.party;
  }
  get outcomes(): OutcomeSpace {
    return this.space;
  }
  /** The party's reservation, or higher once a refused ratification showed the bar is higher. */
  get reservation(): number {
    return Math.max(this.party.reservation, this.learnedFloor);
  }

  /** Learns that nothing worth `u` or less will do (its decision body refused such a package). */
  raiseFloor(u: number): void {
    this.learnedFloor = Math.max(this.learnedFloor, u + 1e-9);
  }

  utility(outcome: Outcome): number {
    return utilityIn(this.space, outcome, this.scratch);
  }

  crossesRedLines(outcome: Outcome): boolean {
    // A loop, not `some`: it runs for every offer an agent weighs.
    const lines = this.party.redLines;
    for (let i = 0; i < lines.length; i++) if (crossesRedLine(lines[i]!, outcome)) return true;
    return false;
  }

  /** Within red lines and worth at least the reservation value. */
  acceptable(outcome: Outcome): boolean {
    return !this.crossesRedLines(outcome) && this.utility(outcome) >= this.reservation;
  }

  /** `acceptable` for an outcome whose utility `utility(outcome)` gave already: no second evaluation. */
  acceptableWith(outcome: Outcome, utility: number): boolean {
    return !this.crossesRedLines(outcome) && utility >= this.reservation;
  }

  /** Whether the outcome at a sorted position stays within the red lines. */
  okAt(position: number): boolean {
    const a = this.allowed;
    if (!a) return true;
    const k = this.space.issueCount;
    const rows = this.space.rows;
    for (let i = 0; i < k; i++) if (a[i]![rows[position * k + i]!] === 0) return false;
    return true;
  }

  /** Whether anything at all is acceptable. */
  get hasAcceptable(): boolean {
    return this.firstOk <= this.lastOk && this.space.utilities[this.firstOk]! >= this.reservation;
  }

  /** The best utility within red lines. */
  get max(): number {
    return this.hasAcceptable ? this.space.utilities[this.firstOk]! : this.reservation;
  }

  /** The least a concession may go to: max(reservation, lowest utility within red lines). */
  get floor(): number {
    const lowest = this.firstOk <= this.lastOk ? this.space.utilities[this.lastOk]! : 0;
    return Math.min(this.max, Math.max(this.reservation, lowest));
  }

  get bestPosition(): number {
    return this.firstOk;
  }

  /** Positions [0, n) hold utility ≥ u. */
  countAtLeast(u: number): number {
    return countAtLeast(this.space, u);
  }

  utilityAt(position: number): number {
    return this.space.utilities[position]!;
  }

  outcomeAt(position: number): Outcome {
    return outcomeAt(this.space, position);
  }

  /** The acceptable position with the lowest utility still ≥ target, or −1. */
  lowestAtLeast(target: number): number {
    for (let p = this.countAtLeast(Math.max(target, this.reservation)) - 1; p >= 0; p--) if (this.okAt(p)) return p;
    return -1;
  }

  private locateBounds(): void {
    const n = this.space.size;
    let first = 0;
    while (first < n && !this.okAt(first)) first++;
    let last = n - 1;
    while (last >= first && !this.okAt(last)) last--;
    this.firstOk = first;
    this.lastOk = last;
  }
}

/**
 * Outside events rebuild the party object on every view; comparing by content keeps the
 * compiled space unless the weights really moved.
 */
function sameUtility(a: UtilityFunction, b: UtilityFunction): boolean {
  if (a === b) return true;
  if (a.kind !== 'additive' || b.kind !== 'additive' || a.values !== b.values) return false;
  const keys = Object.keys(a.weights);
  return keys.length === Object.keys(b.weights).length && keys.every((k) => a.weights[k] === b.weights[k]);
}

function sameRedLines(a: readonly RedLine[], b: readonly RedLine[]): boolean {
  return (
    a === b || (a.length === b.length && a.every((l, i) => l === b[i] || JSON.stringify(l) === JSON.stringify(b[i])))
  );
}
