import type { Outcome } from '../../core/domain.js';
import type { ParamReader } from '../params.js';
import { outcomeKey } from '../space/outcome-space.js';
import type { Strategy, StrategyContext, StrategyEvent } from '../strategy.js';

/** Identity of an outcome; off-grid outcomes (never offered by MiCRO itself) fall back to text. */
const keyOf = (ctx: StrategyContext, o: Outcome) =>
  outcomeKey(ctx.prefs.outcomes, o) ?? JSON.stringify(Object.entries(o).sort());

/**
 * MiCRO (de Jonge, 2022): offer one's outcomes from best to worst, but a new one only after
 * the opponent has made as many distinct offers as oneself; otherwise repeat an earlier
 * one. Accept an offer worth at least what one would concede to next. No opponent model.
 * In mediated talks a new distinct text from the mediator counts as the other side moving.
 */
export class MicroStrategy implements Strategy {
  readonly name = 'micro';
  /** Distinct own proposals made, in order, by position in the sorted space. */
  private readonly proposed: number[] = [];
  private readonly proposedKeys = new Set<number | string>();
  private readonly received = new Set<number | string>();

  /** Sorted position of the next new outcome to concede to, or −1 when none is left. */
  private nextNew(ctx: StrategyContext): number {
    const prefs = ctx.prefs;
    const last = this.proposed.length ? this.proposed[this.proposed.length - 1]! : -1;
    const end = prefs.countAtLeast(prefs.floor);
    for (let p = last + 1; p < end; p++) if (prefs.okAt(p)) return p;
    return -1;
  }

  private mayConcede(): boolean {
    return this.received.size >= this.proposed.length;
  }

  /** The position MiCRO would offer now if it may concede, else its lowest offer so far. */
  private floorPosition(ctx: StrategyContext): number {
    const fresh = this.mayConcede() ? this.nextNew(ctx) : -1;
    return fresh >= 0 ? fresh : (this.proposed[this.proposed.length - 1] ?? -1);
  }

  propose(ctx: StrategyContext): Outcome | null {
    const fresh = this.mayConcede() ? this.nextNew(ctx) : -1;
    if (fresh >= 0) return ctx.prefs.outcomeAt(fresh);
    if (this.proposed.length === 0) return null;
    return ctx.prefs.outcomeAt(this.proposed[ctx.random.int(this.proposed.length)]!);
  }

  accepts(offer: Outcome, ctx: StrategyContext): boolean {
    const u = ctx.prefs.utility(offer);
    if (!ctx.prefs.acceptableWith(offer, u)) return false;
    const p = this.floorPosition(ctx);
    return p >= 0 && u >= ctx.prefs.utilityAt(p) - 1e-12;
  }

  observe(event: StrategyEvent, ctx: StrategyContext): void {
    if (event.kind === 'received' || event.kind === 'tabled') this.received.add(keyOf(ctx, event.outcome));
    if (event.kind !== 'sent') return;
    const key = keyOf(ctx, event.outcome);
    if (this.proposedKeys.has(key)) return;
    this.proposedKeys.add(key);
    const p = this.nextNew(ctx);
    if (p >= 0 && keyOf(ctx, ctx.prefs.outcomeAt(p)) === key) this.proposed.push(p);
    else
      this.proposed.push(
        Math.max(
          this.proposed[this.proposed.length - 1] ?? -1,
          ctx.prefs.countAtLeast(ctx.prefs.utility(event.outcome)) - 1,
        ),
      );
  }
}

export function micro(params: ParamReader): MicroStrategy {
  void params;
  return new MicroStrategy();
}
