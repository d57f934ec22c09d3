import { expect, it } from 'vitest';
import { jsonForScript } from '../../src/site/views/trusted-html.js';

it('JSON for a script element cannot close it, and still parses to the same data', () => {
  const data = { headline: '</script><script>alert(1)</script> & <!-- x -->', line: 'a\u2028b\u2029c', nested: ['<b>', { k: '>&<' }] };
  const out = jsonForScript(data);
  expect(out).not.toMatch(/[<>&\u2028\u2029]/);
  expect(out).toContain('\\u003c/script\\u003e');
  expect(JSON.parse(out)).toEqual(data);
});
