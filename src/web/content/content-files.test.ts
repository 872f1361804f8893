import { describe, expect, it } from 'vitest';
import { parseContent } from './content-files.js';
import { renderProse, slug } from './prose.js';

describe('content files', () => {
  it('takes the title from the first heading, as plain text, and keeps the rest as the body', () => {
    expect(parseContent('# About *our* [portal](/about)\n\nText.\n', 'about')).toEqual({
      title: 'About our portal',
      body: 'Text.',
    });
    expect(parseContent('\uFEFFIntro.\r\n\r\n## Terms ##\r\nMore.', 'terms')).toEqual({
      title: 'Terms',
      body: 'Intro.\n\n\nMore.',
    });
    expect(parseContent('No heading at all.', 'faq')).toEqual({ title: 'faq', body: 'No heading at all.' });
  });
});

describe('prose', () => {
  it('gives sections anchors that survive Vietnamese and Spanish letters, unique on the page', () => {
    expect(slug('Có mất phí không?')).toBe('co-mat-phi-khong');
    expect(slug('Đình chỉ và thu hồi')).toBe('dinh-chi-va-thu-hoi');
    expect(slug('¿Hay que pagar?')).toBe('hay-que-pagar');
    const { html, sections } = renderProse('## Fees & costs\n\nx\n\n## Fees & costs\n\n## ¿?\n');
    expect(sections).toEqual([
      { id: 'fees-costs', title: 'Fees & costs' },
      { id: 'fees-costs-2', title: 'Fees & costs' },
      { id: 'section', title: '¿?' },
    ]);
    expect(html.html).toContain('<h2 id="fees-costs-2">Fees &amp; costs</h2>');
  });

  it('keeps raw HTML out, lets the keyboard scroll code and tables, and follows our own links', () => {
    const { html } = renderProse(
      '<script>alert(1)</script>\n\n[here](/faq) [there](https://example.org)\n\n```\ncode\n```\n\n| a | |\n| - | - |\n| 1 | 2 |\n',
    );
    expect(html.html).not.toContain('<script>');
    expect(html.html).toContain('<a href="/faq">here</a>');
    expect(html.html).toContain('<a href="https://example.org" rel="nofollow noopener">there</a>');
    expect(html.html).toContain('<pre tabindex="0">');
    expect(html.html).toContain('<table tabindex="0">');
    // A column without a title is not an empty header.
    expect(html.html).not.toMatch(/<th><\/th>/);
  });
});
