import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, h, raw } from './html.js';
import { renderMarkdown } from './markdown.js';

describe('the HTML runtime', () => {
  it('escapes text children and attribute values by default', () => {
    const evil = '<script>alert("x")</script>';
    const html = h('a', { href: `/?q=${evil}`, title: evil }, evil).html;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&quot;x&quot;');
  });

  it('renders boolean attributes and void elements', () => {
    expect(h('input', { type: 'search', required: true, disabled: false }).html).toBe(
      '<input type="search" required>',
    );
  });

  it('passes trusted markup only through raw()', () => {
    expect(h('div', null, raw('<b>ok</b>')).html).toBe('<div><b>ok</b></div>');
  });

  it('never lets any text open a tag', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"']/);
      }),
    );
  });
});

describe('Markdown descriptions', () => {
  it('render formatting but not raw HTML or script links', () => {
    const html = renderMarkdown(
      '**Bold** <img src=x onerror=alert(1)> [x](javascript:alert(1)) [ok](https://example.org)',
    ).html;
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="nofollow noopener"');
  });
});
