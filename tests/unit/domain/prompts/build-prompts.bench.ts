// Run with `npx vitest bench tests/unit/domain/prompts`. The popup shows within 100 ms.

import { bench, describe } from 'vitest';
import { buildPrompts } from '../../../../lib/domain/prompts';
import { largeInput, NOW } from './fixtures';

const data = largeInput(10_000, 10);

describe('buildPrompts', () => {
  bench('10,000 people x 10 interactions, top 20', () => {
    buildPrompts(data, NOW, { limit: 20 });
  });
});
