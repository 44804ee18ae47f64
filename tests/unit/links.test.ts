// Unit tests of the one rule for links from stored data: https: addresses become links, nothing else does.
import { safeLink } from '../../src/domain/links';

describe('safeLink', () => {
  test.each([
    'https://docs.google.com/document/d/1AbC_dEf-123/edit',
    'https://photos.example.org/album?id=7#top',
    'HTTPS://EXAMPLE.COM',
    'https://example.com:8443/a/b',
    'https://drive.google.com/drive/folders/1x?usp=sharing',
  ])('%s becomes a link', (url) => {
    expect(safeLink(url)).toBe(url);
  });

  test('surrounding spaces are trimmed', () => {
    expect(safeLink('  https://example.com/a  ')).toBe('https://example.com/a');
  });

  test.each([
    'http://example.com',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'https:alert(1)',
    'https:/example.com',
    'https:\\\\example.com',
    '//example.com/a',
    'ftp://example.com',
    'mailto:a@b.example',
    'example.com',
    'https://',
    'https://exa mple.com',
    'https://example.com/a b',
    'https://example.com/"onmouseover="alert(1)',
    'https://example.com/<script>',
    "https://example.com/'x'",
    'https://user:pass@evil.example',
    'https://example.com/\u0000',
    '',
  ])('%j stays text', (text) => {
    expect(safeLink(text)).toBeNull();
  });

  test('non-text values stay text', () => {
    expect(safeLink(null)).toBeNull();
    expect(safeLink(undefined)).toBeNull();
    expect(safeLink(42)).toBeNull();
    expect(safeLink({ href: 'https://example.com' })).toBeNull();
  });
});
