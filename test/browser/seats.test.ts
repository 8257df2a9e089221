import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { Harness } from '../server/support/harness.js';
import { launchChromium, openSeatIn, screenshot, seriousViolations, type SeatPage } from './support/browser.js';
import { inviteLink } from './support/invite.js';
import { leaksOf } from './support/leaks.js';
import { actTwoScenario, WALK_AWAY } from './support/scenario.js';
import { formTitled, submitAndConfirm, waitForText } from './support/steps.js';

/*
 * One browser profile (one Playwright context: one cookie jar) holding several seats at
 * once, as a trainer running a class does: both delegations of one session, its convenor,
 * and an observer of another session, each in a tab of its own. Then the convenor closes
 * the talks from its console and downloads the record.
 */

const ID = 'Israeli delegation';
const HD = 'Hamas delegation';
const OBSERVER = 'United Nations agencies';
const KEPT_WALK_AWAY = 0.61;
const CLOSE_REASON = 'The class is over; the talks close here.';
/** Every walk-away value a party truly has (before and after the outside pressure lowers it). */
const TRUE = {
  Israel: [WALK_AWAY.Israel, WALK_AWAY.Israel - 0.05],
  Hamas: [WALK_AWAY.Hamas, WALK_AWAY.Hamas - 0.05, WALK_AWAY.Hamas - 0.1],
};

let h: Harness;
let browser: Browser;
let profile: BrowserContext;
let talks: { id: string; tokens: Record<string, string> };
let other: { id: string; tokens: Record<string, string> };
const tabs = new Map<string, SeatPage>();
const tab = (role: string) => tabs.get(role)!;

const heading = (role: string) => new RegExp(`: ${role.replace(/[()]/g, '\\$&')}$`);

beforeAll(async () => {
  h = await Harness.start();
  browser = await launchChromium();
  profile = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const { name, content } = actTwoScenario();
  talks = await h.open({ files: [{ name, content }], protocol: 'shuttle', time: 2000, timeScale: 7200 });
  other = await h.open({ scenario: 'cairo-2024', protocol: 'single-text', timeScale: 1 });
});

afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

describe('several seats in one browser profile, and the convenor closing the talks', () => {
  it('opens both delegations, the convenor and another session’s observer in tabs of one profile', async () => {
    for (const [session, role] of [
      [talks, ID],
      [talks, HD],
      [talks, 'convenor'],
      [other, OBSERVER],
    ] as const) {
      const seat = await openSeatIn(profile, role, await inviteLink(h, session, role));
      tabs.set(role, seat);
      await seat.page.getByRole('heading', { level: 1, name: heading(role) }).waitFor();
    }
    // Each tab is its own seat: the Israeli one shows Israel's walk-away value, the Hamas one Hamas's.
    const shown = async (role: string) => Number(await tab(role).page.getByTestId('walk-away').innerText());
    expect(TRUE.Israel.map((v) => v.toFixed(3))).toContain((await shown(ID)).toFixed(3));
    expect(TRUE.Hamas.map((v) => v.toFixed(3))).toContain((await shown(HD)).toFixed(3));
    await waitForText(tab(OBSERVER).page, /Talks open \(single-text\)/);
  });

  it('keeps every seat working after the others joined: each acts as itself and sees its own view', async () => {
    const israel = tab(ID).page;
    const prefs = formTitled(israel, 'My preferences (private)');
    await prefs.getByLabel('Walk-away value').fill(String(KEPT_WALK_AWAY));
    await prefs.getByText('Consistent.').waitFor();
    await submitAndConfirm(prefs, 'Use for my own views', /Kept for your own views/);
    const hamas = formTitled(tab(HD).page, 'Consult and return');
    await hamas.getByLabel('Back within (scenario hours)').fill('300');
    await submitAndConfirm(hamas, 'Ask to adjourn', /Adjourned/);
    await waitForText(israel, /Hamas delegation adjourned to consult/);
    // The first seat's cookie survived the later joins: reloaded, the tab is still Israel's.
    await israel.reload();
    await israel.getByRole('heading', { level: 1, name: heading(ID) }).waitFor();
    await expect(israel.getByTestId('walk-away').innerText()).resolves.toBe(KEPT_WALK_AWAY.toFixed(3));
    expect(TRUE.Hamas.map((v) => v.toFixed(3))).toContain(await tab(HD).page.getByTestId('walk-away').innerText());
    const log = await h.logEvents(talks.id, talks.tokens.convenor!);
    expect(log.filter((e) => e.kind === 'preferences-shared').map((e) => ('actor' in e ? e.actor : ''))).toEqual([ID]);
    expect(log.filter((e) => e.kind === 'adjourned').map((e) => ('actor' in e ? e.actor : ''))).toEqual([HD]);
    await checkLeaks();
  });

  it('lets the convenor close the talks with a reason, after confirming, and download the record', async () => {
    const convenor = tab('convenor').page;
    const close = formTitled(convenor, 'Close the talks');
    await close.getByLabel('Reason for closing').fill(CLOSE_REASON);
    const ask = close.getByRole('button', { name: 'Close the talks…' });
    const confirm = close.getByRole('group', { name: 'Confirm closing the talks' });
    const yes = confirm.getByRole('button', { name: 'Yes, close the talks' });
    const focused = () => yes.evaluate((el) => el === document.activeElement);
    // Asked, then cancelled from the keyboard: nothing is closed.
    await ask.click();
    await expect.poll(focused).toBe(true);
    await convenor.keyboard.press('Tab');
    await convenor.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    expect((await h.call('GET', `/sessions/${talks.id}/view`, talks.tokens.convenor)).body.over).toBe(false);
    // Asked again and confirmed with the keyboard.
    await ask.click();
    await expect.poll(focused).toBe(true);
    await expect(seriousViolations(convenor)).resolves.toEqual([]);
    await convenor.keyboard.press('Enter');
    await close
      .getByRole('status')
      .filter({ hasText: /Talks closed/ })
      .waitFor();
    for (const role of [ID, HD, 'convenor'])
      await waitForText(tab(role).page, `CLOSED by the convenor: ${CLOSE_REASON}`);
    await expect(tab(ID).page.getByRole('region', { name: 'Phase timeline' }).innerText()).resolves.toContain(
      'Closed by the convenor',
    );
    await screenshot(tab('convenor'), 'convenor-closed');
    expect(await seriousViolations(convenor)).toEqual([]);
    const record = convenor.getByRole('region', { name: 'Record' });
    const downloaded = async (button: string) => {
      const click = record.getByRole('button', { name: button });
      await expect.poll(() => click.isEnabled(), { message: `${button} stays disabled` }).toBe(true);
      const [file] = await Promise.all([
        // A download that never starts says why, if the console said anything.
        convenor.waitForEvent('download').catch(async (e: Error) => {
          const said = await record.getByRole('status').allInnerTexts();
          throw new Error(`${button}: no download (${e.message}); the console said: ${said.join(' | ') || 'nothing'}`);
        }),
        click.click(),
      ]);
      return readFileSync((await file.path())!, 'utf8');
    };
    const lines = (await downloaded('Download the log'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; event?: { kind: string; reason?: string } });
    expect(lines.filter((l) => l.event?.kind === 'closed').map((l) => l.event!.reason)).toEqual([CLOSE_REASON]);
    const result = JSON.parse(await downloaded('Download the result')) as { result: Record<string, unknown> };
    expect(result.result).toMatchObject({ endReason: 'closed', agreement: null, closed: { reason: CLOSE_REASON } });
    await expect(downloaded('Download the agreement text')).resolves.toMatch(/the convenor closed the talks/);
    // The other session in the same profile goes on, untouched.
    expect((await h.call('GET', `/sessions/${other.id}/view`, other.tokens.convenor)).body.over).toBe(false);
  });
});

/** What each tab received: never another party's profile or walk-away values, nor a kept profile of another seat. */
async function checkLeaks(): Promise<void> {
  const live = await h.server.host.live(talks.id);
  const problems: string[] = [];
  for (const [role, forbidden] of [
    [ID, { markers: [], profilesOf: ['Hamas'], walkAways: TRUE.Hamas }],
    [HD, { markers: [], profilesOf: ['Israel'], walkAways: [...TRUE.Israel, KEPT_WALK_AWAY] }],
  ] as const) {
    const seat = tab(role);
    await seat.recorder.settled();
    expect(seat.recorder.payloads.length, role).toBeGreaterThan(3);
    problems.push(...leaksOf(seat, live, forbidden));
  }
  const observer = tab(OBSERVER);
  await observer.recorder.settled();
  const seen = observer.recorder.payloads.map((p) => p.text).join('\n');
  expect(seen).not.toContain(talks.id);
  expect(problems).toEqual([]);
}
