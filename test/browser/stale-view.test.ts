import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Harness } from '../server/support/harness.js';
import { launchChromium, openSeat, type SeatPage } from './support/browser.js';
import { inviteLink } from './support/invite.js';
import { waitForText } from './support/steps.js';

/**
 * A console reads its view again after each outside event. That read can be answered before
 * a change the stream then brings (here the talks closing) and arrive after it; the console
 * must keep what the stream said. The test holds such a view answer until the talks have
 * closed, so the order is certain rather than left to timing.
 */

/** cairo-2024's first outside events come at hour 24: about 4 s after the start at this scale. */
const SCALE = 21_600;
const CLOSE_REASON = 'Closed while a view was being read.';
/** The requests for a seat's view, under its seat path. */
const VIEW = /\/sessions\/[^/]+\/view$/;

let h: Harness;
let browser: Browser;
let convenor: SeatPage;
let talks: { id: string; tokens: Record<string, string> };

beforeAll(async () => {
  h = await Harness.start();
  browser = await launchChromium();
  talks = await h.open({ scenario: 'cairo-2024', protocol: 'shuttle', timeScale: SCALE });
  convenor = await openSeat(browser, 'convenor', await inviteLink(h, talks, 'convenor'));
});

afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

describe('a view read before a change the stream has already brought', () => {
  it('does not undo the change: the closed talks keep their result downloads enabled', async () => {
    const { page } = convenor;
    await page.getByRole('heading', { level: 1 }).waitFor();
    const record = page.getByRole('region', { name: 'Record' });
    const result = record.getByRole('button', { name: 'Download the result' });
    expect(await result.isEnabled()).toBe(false);

    // The view reads that outside events set off are answered at once; those that say the
    // talks are open are held back until the talks have closed, so they arrive last.
    let read!: () => void;
    const viewRead = new Promise<void>((r) => (read = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held = 0;
    await page.route(VIEW, async (route) => {
      const answer = await route.fetch();
      if (((await answer.json()) as { over: boolean }).over) return route.fulfill({ response: answer });
      held++;
      read();
      await released;
      await route.fulfill({ response: answer });
    });
    await viewRead;

    const closed = await h.call('POST', `/sessions/${talks.id}/actions`, talks.tokens.convenor, {
      actionId: 'close-while-reading',
      action: { kind: 'close', reason: CLOSE_REASON },
    });
    expect(closed.body.accepted).toBe(true);
    await waitForText(page, `CLOSED by the convenor: ${CLOSE_REASON}`);
    await expect.poll(() => result.isEnabled()).toBe(true);

    // The held answers say the talks are open; once the page has them, they must still read closed.
    let delivered = 0;
    page.on('response', (response) => {
      if (VIEW.test(response.url())) delivered++;
    });
    release();
    await expect.poll(() => delivered).toBe(held);
    await page.unroute(VIEW);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await result.isEnabled()).toBe(true);
  });
});
