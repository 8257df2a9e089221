import { useState, type FormEvent } from 'react';
import { call, sessionPath, type Joined } from '../api.js';

interface Created {
  readonly id: string;
  readonly seats: readonly { role: string; kind: string; token: string }[];
}

async function readFiles(list: FileList | null): Promise<{ name: string; content: string }[]> {
  return Promise.all([...(list ?? [])].map(async (f) => ({ name: f.name, content: await f.text() })));
}

/**
 * Opens a session with the admin token (typed here, kept only in this page's memory), then
 * turns the convenor's token into this browser's seat cookie through a one-time invite,
 * so that the token itself is not kept anywhere.
 */
async function open(admin: string, body: Record<string, unknown>): Promise<Joined> {
  const created = await call<Created>('/sessions', { method: 'POST', token: admin, body });
  const convenor = created.seats.find((s) => s.role === 'convenor')!.token;
  const { invite } = await call<{ invite: string }>(sessionPath(created.id, '/seats/convenor/invite'), {
    method: 'POST',
    token: convenor,
  });
  return call<Joined>(invite);
}

const number = (text: string) => (text.trim() === '' ? undefined : Number(text));

export function OpenSession({ onOpened }: { onOpened: (joined: Joined) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [source, setSource] = useState<'builtin' | 'upload'>('builtin');
  const [builtins, setBuiltins] = useState<string[]>(['cairo-2024']);
  // The list needs the admin token, so it is asked for once the token is typed.
  const listBuiltins = async (admin: string) => {
    if (!admin) return;
    try {
      const list = await call<{ scenarios: { name: string }[] }>('/scenarios', { token: admin });
      setBuiltins(list.scenarios.map((s) => s.name));
    } catch {
      // A wrong token is reported when the form is sent; the suggestions just stay as they were.
    }
  };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '');
    const files =
      source === 'upload'
        ? await readFiles((e.currentTarget.elements.namedItem('files') as HTMLInputElement).files)
        : [];
    const body: Record<string, unknown> = {
      ...(source === 'builtin' ? { scenario: text('scenario') } : { files }),
      ...(text('protocol') ? { protocol: text('protocol') } : {}),
    };
    for (const k of ['rounds', 'time', 'seed', 'timeScale']) {
      const n = number(text(k));
      if (n !== undefined) body[k] = n;
    }
    if (text('bots') === 'all') body.bots = 'all';
    try {
      setError(null);
      onOpened(await open(text('admin'), body));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="open-title">
      <h2 id="open-title">Open a session (convenor)</h2>
      <label>
        Admin token{' '}
        <input
          name="admin"
          type="password"
          required
          autoComplete="off"
          onBlur={(e) => void listBuiltins(e.currentTarget.value)}
        />
      </label>
      <fieldset>
        <legend>Scenario</legend>
        <label>
          <input type="radio" name="source" checked={source === 'builtin'} onChange={() => setSource('builtin')} />{' '}
          Built-in
        </label>
        <label>
          <input type="radio" name="source" checked={source === 'upload'} onChange={() => setSource('upload')} /> Upload
          files
        </label>
        {source === 'builtin' ? (
          <label>
            Built-in scenario <input name="scenario" defaultValue="cairo-2024" list="builtin-scenarios" required />
            <datalist id="builtin-scenarios">
              {builtins.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </label>
        ) : (
          <label>
            Scenario files (parley YAML/JSON, GENIUS XML, GeniusWeb JSON){' '}
            <input name="files" type="file" multiple required />
          </label>
        )}
      </fieldset>
      <label>
        Protocol{' '}
        <select name="protocol" aria-label="Protocol" defaultValue="">
          <option value="">the scenario's own</option>
          <option value="shuttle">shuttle (phased, mediated)</option>
          <option value="single-text">single-text</option>
          <option value="saop">SAOP (alternating offers)</option>
        </select>
      </label>
      <label>
        Rounds <input name="rounds" type="number" min="1" />
      </label>
      <label>
        Deadline in scenario hours <input name="time" type="number" min="1" />
      </label>
      <label>
        Scenario hours per real hour <input name="timeScale" type="number" min="0.001" step="any" />
      </label>
      <label>
        Seed <input name="seed" type="number" />
      </label>
      <label>
        Seats{' '}
        <select name="bots" aria-label="Seats" defaultValue="people">
          <option value="people">people (give seats to bots below, once opened)</option>
          <option value="all">the scenario's bots everywhere</option>
        </select>
      </label>
      <button type="submit">Open session</button>
      {error && (
        <p role="alert" className="status error">
          {error}
        </p>
      )}
    </form>
  );
}
