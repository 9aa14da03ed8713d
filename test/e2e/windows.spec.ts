import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { editorText, openApp, startHost } from './host.js';

// Two browser hosts on ONE data folder (as two copies of the app would be), three windows: one.txt and
// two.txt in two tabs of host A, three.txt in a tab of host B. Each window's acknowledged saves are
// tracked from the responses it got; what comes back must be exactly the last of them.

type Host = Awaited<ReturnType<typeof startHost>>;

const draft = (name: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(`Account of exploitation\n\nAna worked on a farm near Boston, Lincolnshire, from May to July 2024 (${name}).`),
});

/** The text of the last save the window's host acknowledged (recoverySave answered ok). */
function trackAcks(page: Page): () => string | undefined {
  let last: string | undefined;
  page.on('response', async (r) => {
    if (!r.url().endsWith('/api/recoverySave')) return;
    const body = (await r.json().catch(() => null)) as { ok?: boolean } | null;
    if (body?.ok) last = (JSON.parse(r.request().postData()!) as { work: { text: string } }).work.text;
  });
  return () => last;
}

/** Opens a draft, or types in the open one, and waits until the host acknowledged a save of the new text. */
async function edit(page: Page, acked: () => string | undefined, words: string): Promise<string> {
  const editor = page.getByTestId('editor');
  if (!(await editor.isVisible())) await page.getByRole('button', { name: 'Edit text' }).click();
  await editor.press('End');
  await editor.pressSequentially(` ${words}`);
  const text = await editorText(page);
  await expect.poll(acked, { timeout: 10_000 }).toBe(text);
  return text;
}

/** Opens a window on `host` and waits until it has been told what kept work it is offered. */
async function newWindow(page: Page, host: Host, outside: string[]): Promise<void> {
  const listed = page.waitForResponse((r) => r.url().endsWith('/api/recoveryList'));
  await openApp(page, host, outside);
  await listed;
}

/** The host's API as a tool (not a window) calls it. */
async function call<T>(host: Host, method: string, input: object): Promise<{ ok: boolean; value: T; error: { code: string; message: string } }> {
  const token = new URL(host.url).hash.replace('#token=', '');
  const r = await fetch(`${host.origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-nrm-token': token }, body: JSON.stringify(input) });
  return (await r.json()) as never;
}

type Listed = { kept: { id: string; name: string; inUse: boolean }[] };

test('two hosts and three windows on one data folder never lose, offer, share or discard each other’s unsaved work', async ({ browser }) => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-e2e-windows-'));
  const recovery = path.join(dataDir, 'recovery');
  const [hostA, hostB] = await Promise.all([startHost(dataDir), startHost(dataDir)]);
  const outside: string[] = [];
  const onA = await browser.newContext();
  const onB = await browser.newContext();
  try {
    // Three windows, each working on its own draft.
    const a1 = await onA.newPage();
    const a2 = await onA.newPage();
    const b1 = await onB.newPage();
    const acks = new Map<Page, () => string | undefined>([a1, a2, b1].map((p) => [p, trackAcks(p)]));
    const last = new Map<Page, string>();
    for (const [page, host, name] of [[a1, hostA, 'one.txt'], [a2, hostA, 'two.txt'], [b1, hostB, 'three.txt']] as const) {
      await newWindow(page, host, outside);
      await page.getByTestId('open-file').setInputFiles(draft(name));
      await expect(page.getByRole('heading', { name })).toBeVisible();
      last.set(page, await edit(page, acks.get(page)!, `First edit in ${name}.`));
    }
    const ids = async () => Object.fromEntries((await call<Listed>(hostB, 'recoveryList', {})).value.kept.map((k) => [k.name, k.id]));
    const before = await ids();
    expect(Object.keys(before).sort()).toEqual(['one.txt', 'three.txt', 'two.txt']);

    // A new window on either host is offered none of it: all three are open elsewhere.
    for (const [host, context] of [[hostA, onA], [hostB, onB]] as const) {
      const fresh = await context.newPage();
      await newWindow(fresh, host, outside);
      await expect(fresh.getByTestId('restore-offer')).toHaveCount(0);
      await fresh.close();
    }
    // Another window cannot discard it, restore it (share its file) or save over it, on either host.
    for (const host of [hostA, hostB]) {
      for (const id of Object.values(before)) {
        expect((await call(host, 'recoveryClear', { id, window: 'win-intruder1' })).error?.code).toBe('Busy');
        expect((await call(host, 'recoveryRestore', { id, window: 'win-intruder1' })).error?.code).toBe('Busy');
      }
    }
    // ...and the three windows carry on, each save acknowledged.
    for (const page of [a1, a2, b1]) last.set(page, await edit(page, acks.get(page)!, 'A second edit.'));

    // Host A dies without warning. Its windows' work is offered at once to new windows on host B.
    await hostA.crash();
    const b3 = await onB.newPage();
    const b4 = await onB.newPage();
    for (const page of [b3, b4]) acks.set(page, trackAcks(page));
    for (const page of [b3, b4]) {
      await newWindow(page, hostB, outside);
      await expect(page.getByTestId('kept-work')).toHaveCount(2);
      await expect(page.getByTestId('kept-work').filter({ hasText: 'three.txt' })).toHaveCount(0);
    }

    // b3 restores one.txt: exactly the last text a1's host acknowledged.
    await b3.getByTestId('kept-work').filter({ hasText: 'one.txt' }).getByTestId('restore').click();
    await expect(b3.getByRole('heading', { name: 'one.txt', exact: true })).toBeVisible();
    await b3.getByRole('button', { name: 'Edit text' }).click();
    expect(await editorText(b3)).toBe(last.get(a1));

    // b4 still shows one.txt from before; its Discard there does not touch what b3 now has open.
    await b4.getByTestId('kept-work').filter({ hasText: 'one.txt' }).getByTestId('discard-kept').click();
    await expect(b4.locator('[role="status"]', { hasText: 'no longer kept' })).toHaveCount(1);
    const after = (await call<Listed>(hostB, 'recoveryList', {})).value.kept;
    const one = after.find((k) => k.name === 'one.txt')!;
    expect(one).toMatchObject({ inUse: true });
    expect(one.id).not.toBe(before['one.txt']);
    expect((await call<{ work: { text: string } }>(hostB, 'recoveryGet', { id: one.id })).value.work.text).toBe(last.get(a1));

    // b4 restores two.txt: exactly the last text a2's host acknowledged.
    await b4.getByTestId('kept-work').filter({ hasText: 'two.txt' }).getByTestId('restore').click();
    await expect(b4.getByRole('heading', { name: 'two.txt', exact: true })).toBeVisible();
    await b4.getByRole('button', { name: 'Edit text' }).click();
    expect(await editorText(b4)).toBe(last.get(a2));

    // Every window saves to a file of its own: b1 its three.txt, b3 and b4 under new ids; A's old ids are gone.
    for (const page of [b1, b3, b4]) last.set(page, await edit(page, acks.get(page)!, 'Carried on after the crash.'));
    const kept = (await call<Listed>(hostB, 'recoveryList', {})).value.kept;
    expect(kept.map((k) => k.name).sort()).toEqual(['one.txt', 'three.txt', 'two.txt']);
    expect(kept.every((k) => k.inUse)).toBe(true);
    expect(kept.find((k) => k.name === 'three.txt')!.id).toBe(before['three.txt']);
    expect(kept.map((k) => k.id)).not.toContain(before['one.txt']);
    expect(kept.map((k) => k.id)).not.toContain(before['two.txt']);
    const text = async (name: string) => (await call<{ work: { text: string } }>(hostB, 'recoveryGet', { id: kept.find((k) => k.name === name)!.id })).value.work.text;
    expect(await text('three.txt')).toBe(last.get(b1));
    expect(await text('one.txt')).toBe(last.get(b3));
    expect(await text('two.txt')).toBe(last.get(b4));
    expect(fs.readdirSync(recovery).filter((f) => f.endsWith('.json'))).toHaveLength(3);
  } finally {
    await onA.close();
    await onB.close();
    await hostA.crash();
    hostB.stop();
  }
  expect(outside).toEqual([]);
});
