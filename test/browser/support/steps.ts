import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The form (or section) named by its heading (aria-labelledby), as assistive technology finds it. */
export const formTitled = (page: Page, title: string | RegExp): Locator => {
  const named = { name: title, exact: typeof title === 'string' };
  return page.getByRole('form', named).or(page.getByRole('region', named));
};

/** Waits until the page's text contains `text` (events arrive over the WebSocket). */
export async function waitForText(page: Page, text: string | RegExp, timeout = 20_000): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout });
}

/** Clicks a submit button and waits for the status line the action gives, failing on a refusal. */
export async function submitAndConfirm(form: Locator, button: string, done: RegExp): Promise<void> {
  await form.getByRole('button', { name: button, exact: true }).click();
  // The action's status line is emptied when it is sent, then says what came of it.
  const said = form
    .getByRole('status')
    .filter({ hasText: done })
    .or(form.getByRole('status').filter({ hasText: /^Refused:/ }));
  await said.first().waitFor({ timeout: 15_000 });
  expect(await said.first().innerText(), `after "${button}"`).toMatch(done);
}

/** Fills the text to table, issue by issue, in the mediator's "Table a text" form. */
export async function fillText(form: Locator, text: Record<string, string>): Promise<void> {
  for (const [issue, value] of Object.entries(text)) await form.getByLabel(issue, { exact: true }).selectOption(value);
}

/** Presses Tab until the focused element matches, as a keyboard user would move through the page. */
export async function tabTo(
  page: Page,
  matches: (el: { tag: string; name: string; label: string }) => boolean,
  max = 200,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const input = el as HTMLInputElement | null;
      const labels = input?.labels ? [...input.labels].map((l) => l.innerText).join(' ') : '';
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        name: el?.getAttribute('aria-label') ?? el?.innerText ?? '',
        label: `${labels} ${el?.closest('[role=radiogroup]')?.getAttribute('aria-label') ?? ''}`,
      };
    });
    if (matches(focused)) return;
  }
  throw new Error('tabbed through the page without reaching the element');
}
