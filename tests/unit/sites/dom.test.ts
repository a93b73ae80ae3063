// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { metaContent } from '../../../lib/sites/dom';
import { parseHtml } from './helpers';

const doc = parseHtml(`<html><head>
  <meta name="og:url" content="https://example.test/by-name">
  <meta property="og:url" content="   ">
  <meta property="og:url" content="https://example.test/by-property">
  <meta property="og:title" content="Jane">
</head><body><meta name="og:title" content="In the body"></body></html>`);

// metaContent reads the document's list of <meta> elements (kept by the browser between reads); what it
// answers is what it answered when it matched them one selector at a time.
describe('metaContent', () => {
  it('takes property before name, and skips empty content', () => {
    expect(metaContent(doc, 'og:url')).toBe('https://example.test/by-property');
    expect(metaContent(doc, 'og:title')).toBe('Jane');
    expect(metaContent(doc, 'og:image')).toBeNull();
  });
});
