import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { lazySchema } from '@/lib/protocol/lazy-schema';
import { responses } from '@/lib/protocol/responses';

describe('lazySchema', () => {
  it('builds nothing until first asked, then builds once and keeps it', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds += 1;
      return z.strictObject({ ok: z.boolean() });
    });
    expect(builds).toBe(0);
    const first = schema();
    expect(schema()).toBe(first);
    expect(builds).toBe(1);
    expect(first.safeParse({ ok: true }).success).toBe(true);
    expect(first.safeParse({ ok: 'yes' }).success).toBe(false);
  });

  it("gives every message's answer schema, the same one each time", () => {
    for (const [name, schema] of Object.entries(responses)) {
      expect(schema(), name).toBe(schema());
      expect(typeof schema().safeParse, name).toBe('function');
    }
  });
});
