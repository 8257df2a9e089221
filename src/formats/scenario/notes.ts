import type { ProvenanceNote, Source } from '../../core/provenance.js';
import type { NumField } from './schema-parts.js';

/** Provenance as a file writes it beside a fact or a number. */
export interface Provenance {
  source?: Source;
  assumed?: boolean;
  reason?: string;
}

/**
 * Collects provenance into `Scenario.notes` while the file is read. Paths are dotted and
 * name list items by their name or id (`parties.Hamas.weights.withdrawal`), so they stay
 * valid when items are reordered.
 */
export class NoteCollector {
  readonly notes: ProvenanceNote[] = [];

  /** Records the provenance of an object, if it has any. */
  mark(path: string, node: Provenance | undefined): void {
    if (!node || (node.source === undefined && node.assumed === undefined && node.reason === undefined)) return;
    const note: { path: string; source?: Source; assumed?: boolean; reason?: string } = { path };
    if (node.source !== undefined) note.source = { file: node.source.file, quote: node.source.quote };
    if (node.assumed !== undefined) note.assumed = node.assumed;
    if (node.reason !== undefined) note.reason = node.reason;
    this.notes.push(note);
  }

  /** The number of a number field, recording its provenance when it is annotated. */
  num(path: string, field: NumField): number {
    if (typeof field === 'number') return field;
    this.mark(path, field);
    return field.value;
  }

  optionalNum(path: string, field: NumField | undefined): number | undefined {
    return field === undefined ? undefined : this.num(path, field);
  }
}

/** Looks notes up by path when a scenario is written back to a file. */
export class NoteLookup {
  private readonly byPath = new Map<string, ProvenanceNote>();
  constructor(notes: readonly ProvenanceNote[]) {
    for (const n of notes) this.byPath.set(n.path, n);
  }

  /** The provenance keys to spread into an object written at `path`. */
  prov(path: string, fallbackSource?: Source): Provenance {
    const note = this.byPath.get(path);
    const out: Provenance = {};
    const source = note?.source ?? fallbackSource;
    if (source) out.source = { file: source.file, quote: source.quote };
    if (note?.assumed !== undefined) out.assumed = note.assumed;
    if (note?.reason !== undefined) out.reason = note.reason;
    return out;
  }

  /** A number as written: bare, or `{value, …}` when a note annotates it. */
  num(path: string, value: number): NumField {
    const p = this.prov(path);
    return Object.keys(p).length === 0 ? value : { value, ...p };
  }
}

/** A path segment for a list item: its name, else its position. */
export function segment(name: string | undefined, index: number): string {
  return name ?? String(index);
}
