import { describe, expect, it, vi } from 'vitest';
import { messages } from '@/lib/protocol/messages';
import type { Handlers, SenderInfo } from '@/lib/protocol/router';
import { createRouter } from '@/lib/protocol/router';
import { wireRequest } from '@/lib/protocol/wire';

const page: SenderInfo = { id: 'me', url: 'chrome-extension://me/sidebar.html', tab: { id: 3 }, frameId: 5 };
const content: SenderInfo = {
  id: 'me',
  url: 'https://www.linkedin.com/in/jane-doe/',
  tab: { id: 3 },
  frameId: 0,
};
const stranger: SenderInfo = { id: 'other', url: 'https://evil.example/' };

const emptyView = {
  person: null,
  notes: [],
  details: null,
  identities: [],
  interactions: [],
  links: [],
  tie: null,
};

function setup() {
  // Messages this file does not exercise: any call to them is a failure.
  const unused = Object.fromEntries(
    Object.keys(messages).map((name) => [name, vi.fn(async () => expect.fail(`${name} called`))]),
  ) as unknown as Handlers;
  const handlers = {
    ...unused,
    reportProfile: vi.fn(async () => ({ accepted: true })),
    getTabProfile: vi.fn(async () => ({ tabId: 3, snapshot: null, details: 'read' as const, seq: 0 })),
    getPersonView: vi.fn(async ({ ref }) => ({ ref, ...emptyView })),
    saveNote: vi.fn(async () => {
      throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    }),
  } satisfies Handlers;
  const log = vi.fn();
  const route = createRouter(handlers, {
    classifySender: (sender) =>
      sender.id !== 'me' ? null : sender.url?.startsWith('https:') ? 'content' : 'extension',
    isStorageError: (error) => error instanceof Error && error.name === 'QuotaExceededError',
    log,
  });
  return { handlers, route, log };
}

describe('router', () => {
  it('answers a valid request with the handler value', async () => {
    const { route } = setup();
    const ref = { network: 'x', id: 'janedoe' };
    expect(await route(wireRequest('getPersonView', { ref }), page)).toEqual({
      ok: true,
      value: { ref, ...emptyView },
    });
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['no tag', { type: 'getPersonView', payload: {} }],
    ['a wrong tag', { tag: 'other', type: 'getPersonView', payload: {} }],
  ])('refuses %s as not a Rapport request', async (_label, message) => {
    const { route, handlers, log } = setup();
    const result = await route(message, page);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(handlers.getPersonView).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('refuses an unknown message by name', async () => {
    const { route } = setup();
    expect(await route(wireRequest('deleteEverything', {}), page)).toEqual({
      ok: false,
      error: { code: 'unknown-message', message: 'Unknown message "deleteEverything".' },
    });
  });

  it('names the field that was wrong and never calls the handler', async () => {
    const { route, handlers } = setup();
    const result = await route(
      wireRequest('getPersonView', { ref: { network: 'myspace', id: 'tom' } }),
      page,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^Malformed "getPersonView": ref\.network/);
    expect(handlers.getPersonView).not.toHaveBeenCalled();
  });

  it('refuses extra fields (strict schemas: nothing unexpected reaches a handler)', async () => {
    const { route, handlers } = setup();
    const result = await route(
      wireRequest('getPersonView', { ref: { network: 'x', id: 'a' }, admin: true }),
      page,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(handlers.getPersonView).not.toHaveBeenCalled();
  });

  it('refuses senders that are not ours, and page-only messages from content scripts', async () => {
    const { route, handlers } = setup();
    const ref = { network: 'x', id: 'a' };
    expect(await route(wireRequest('getPersonView', { ref }), stranger)).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(await route(wireRequest('getPersonView', { ref }), content)).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(
      await route(wireRequest('reportProfile', { snapshot: null, details: 'read', seq: 1 }), page),
    ).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(handlers.getPersonView).not.toHaveBeenCalled();
    expect(handlers.reportProfile).not.toHaveBeenCalled();
  });

  it('reports storage failures as such, with what happened', async () => {
    const { route } = setup();
    const result = await route(
      wireRequest('saveNote', { ref: { network: 'x', id: 'a' }, snapshot: null, noteId: 'n1', text: 'hi' }),
      page,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!result.ok) expect(result.error.message).toContain('disk full');
  });

  it('caps what a hostile snapshot may carry', async () => {
    const { route, handlers } = setup();
    const snapshot = {
      network: 'linkedin',
      id: 'jane-doe',
      url: 'javascript:alert(1)',
      name: 'x'.repeat(10_000),
      headline: null,
      avatarUrl: null,
    };
    const result = await route(wireRequest('reportProfile', { snapshot, details: 'read', seq: 1 }), content);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/url: .*http/);
    expect(handlers.reportProfile).not.toHaveBeenCalled();
  });
});

describe('router refusals', () => {
  it('reports a refusal a service made on purpose with its own code and message', async () => {
    class NotFound extends Error {}
    const route = createRouter(
      {
        reportProfile: vi.fn(),
        getTabProfile: vi.fn(),
        getPersonView: vi.fn(async () => {
          throw new NotFound('Person p-1 is not in Rapport (it may have been deleted).');
        }),
      } as unknown as Handlers,
      {
        classifySender: () => 'extension',
        isStorageError: () => false,
        refusalCode: (error) => (error instanceof NotFound ? 'not-found' : null),
        log: vi.fn(),
      },
    );
    expect(await route(wireRequest('getPersonView', { ref: { network: 'x', id: 'a' } }), page)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Person p-1 is not in Rapport (it may have been deleted).' },
    });
  });
});
