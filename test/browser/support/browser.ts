import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where the screenshots go (git-ignored): one PNG per console and moment. */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/**
 * Debian's chromium, headless, nothing fetched from the network. Playwright gives each
 * launch a fresh temporary profile (its own --user-data-dir, deleted on close); every seat
 * then gets a browser context of its own (cookies and storage apart, like another browser).
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Everything one browser context received: HTTP bodies and WebSocket frames, as text. */
export class Recorder {
  readonly payloads: { source: string; text: string }[] = [];
  private readonly pending: Promise<void>[] = [];

  watch(page: Page): void {
    page.on('response', (response) => {
      this.pending.push(
        response
          .text()
          .then((text) => void this.payloads.push({ source: `${response.request().method()} ${response.url()}`, text }))
          .catch(() => undefined),
      );
    });
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) =>
        this.payloads.push({ source: `ws ${socket.url()}`, text: String(frame.payload) }),
      );
    });
  }

  /** Waits for response bodies still being read. */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }

  /** The payloads that parse as JSON, parsed (static files and downloads are text, not data). */
  json(): { source: string; value: unknown }[] {
    return this.payloads.flatMap((p) => {
      try {
        return [{ source: p.source, value: JSON.parse(p.text) as unknown }];
      } catch {
        return [];
      }
    });
  }
}

/** One seat in one browser context, with what it receives recorded. */
export interface SeatPage {
  readonly role: string;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly recorder: Recorder;
}

export async function openSeat(browser: Browser, role: string, url: string): Promise<SeatPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  return openSeatIn(context, role, url);
}

/** Another tab in a browser context that may already hold other seats (its own recorder). */
export async function openSeatIn(context: BrowserContext, role: string, url: string): Promise<SeatPage> {
  const page = await context.newPage();
  const recorder = new Recorder();
  recorder.watch(page);
  await page.goto(url);
  return { role, context, page, recorder };
}

/** The whole page, or (fullPage false) what a 1366×900 laptop screen shows of it. */
export async function screenshot(seat: SeatPage, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await seat.page.screenshot({ path: file, fullPage });
  return file;
}

/** axe on the page as it stands: the serious and critical violations, described. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
