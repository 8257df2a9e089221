import type { Domain, Outcome } from '../core/domain.js';
import { issueSize } from '../core/issue.js';
import { RowCodec } from './space/evaluator.js';

export interface FrequencyModelOptions {
  /** Weight added to an issue each time the opponent keeps its value between two offers. */
  readonly learningRate?: number;
  /** Exponent on the normalised value frequencies (below 1 flattens them). */
  readonly valueExponent?: number;
}

/**
 * A frequency opponent model: a value the opponent offers often is one it likes, and an
 * issue whose value it rarely changes between offers is one it weighs heavily.
 * Its estimate is additive, u(o) = Σ w_i · v_i(o_i), all in [0, 1].
 */
export class FrequencyModel {
  private readonly counts: Float64Array[];
  private readonly rawWeights: Float64Array;
  private readonly values: Float64Array[];
  private readonly weights: Float64Array;
  private readonly codec: RowCodec;
  private readonly row: Int32Array;
  private previous: Int32Array | null = null;
  private dirty = true;
  private readonly learningRate: number;
  private readonly valueExponent: number;
  offersSeen = 0;

  constructor(
    readonly domain: Domain,
    options: FrequencyModelOptions = {},
  ) {
    const k = domain.issues.length;
    this.counts = domain.issues.map((i) => new Float64Array(issueSize(i)));
    this.values = domain.issues.map((i) => new Float64Array(issueSize(i)).fill(1));
    this.rawWeights = new Float64Array(k).fill(1);
    this.weights = new Float64Array(k).fill(k === 0 ? 0 : 1 / k);
    this.codec = new RowCodec(domain);
    this.row = new Int32Array(k);
    this.learningRate = options.learningRate ?? 0.5;
    this.valueExponent = options.valueExponent ?? 1;
  }

  /** Learns from a full offer the opponent made (or a full text it proposed). */
  observeOffer(outcome: Outcome): void {
    if (!this.codec.encode(outcome, this.row)) return;
    const k = this.row.length;
    for (let i = 0; i < k; i++) this.counts[i]![this.row[i]!]! += 1;
    if (this.previous) {
      for (let i = 0; i < k; i++) if (this.previous[i] === this.row[i]) this.rawWeights[i]! += this.learningRate;
    } else this.previous = new Int32Array(k);
    this.previous.set(this.row);
    this.offersSeen++;
    this.dirty = true;
  }

  /**
   * Learns from amendments: the issues a party bothers to change matter to it, and the
   * values it asks for are ones it likes.
   */
  observeAmendments(amendments: Outcome): void {
    this.domain.issues.forEach((issue, i) => {
      const v = amendments[issue.name];
      if (v === undefined) return;
      const j = this.codec.positionOf(i, v);
      if (j >= 0) this.counts[i]![j]! += 2;
      this.rawWeights[i]! += this.learningRate * 2;
    });
    this.offersSeen++;
    this.dirty = true;
  }

  issueWeights(): Float64Array {
    this.refresh();
    return this.weights;
  }

  /** Estimated utility of a row stored at rows[offset ..]. */
  predictRow(rows: Int32Array, offset: number): number {
    // The check stays here and the work in `refresh`: a small method is inlined into the candidate loop (no boxed result).
    if (this.dirty) this.refresh();
    let u = 0;
    for (let i = 0; i < this.weights.length; i++) u += this.weights[i]! * this.values[i]![rows[offset + i]!]!;
    return u;
  }

  predict(outcome: Outcome): number {
    return this.codec.encode(outcome, this.row) ? this.predictRow(this.row, 0) : 0;
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.dirty = false;
    let total = 0;
    for (const w of this.rawWeights) total += w;
    for (let i = 0; i < this.weights.length; i++) this.weights[i] = total > 0 ? this.rawWeights[i]! / total : 0;
    for (let i = 0; i < this.counts.length; i++) {
      const c = this.counts[i]!;
      let max = 0;
      for (const x of c) if (x > max) max = x;
      for (let j = 0; j < c.length; j++) this.values[i]![j] = Math.pow((c[j]! + 1) / (max + 1), this.valueExponent);
    }
  }
}

/** Models of every other party, combined into one estimate of how they like an outcome. */
export class OpponentModels {
  private readonly models = new Map<string, FrequencyModel>();
  /** The same models as a list: read for every candidate outcome, where a Map iterator costs an allocation. */
  private readonly list: FrequencyModel[] = [];
  constructor(
    readonly domain: Domain,
    private readonly options: FrequencyModelOptions = {},
  ) {}

  of(party: string): FrequencyModel {
    let m = this.models.get(party);
    if (!m) {
      this.models.set(party, (m = new FrequencyModel(this.domain, this.options)));
      this.list.push(m);
    }
    return m;
  }

  get parties(): string[] {
    return [...this.models.keys()];
  }

  /** True once any opponent has shown anything to learn from. */
  get informed(): boolean {
    for (let i = 0; i < this.list.length; i++) if (this.list[i]!.offersSeen > 0) return true;
    return false;
  }

  /** The least-pleased opponent's estimated utility: an agreement needs them all. */
  predictRow(rows: Int32Array, offset: number): number {
    let least = Infinity;
    for (let i = 0; i < this.list.length; i++) {
      const m = this.list[i]!;
      if (m.offersSeen > 0) least = Math.min(least, m.predictRow(rows, offset));
    }
    return least === Infinity ? 0 : least;
  }
}
