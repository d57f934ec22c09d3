import { describe, expect, it } from 'vitest';
import { parseFilter, FilterSyntaxError } from '../../src/api/ghost/nql.js';
import { fromGhostId, toGhostId } from '../../src/api/ghost/ghost-id.js';

describe('NQL filter parser', () => {
  it('reads conditions, lists, negation, comparisons, + and , with + binding tighter', () => {
    expect(parseFilter('tag:news')).toEqual({ type: 'compare', field: 'tag', op: '=', value: 'news' });
    expect(parseFilter("tags:[news, 'world-cup']")).toEqual({ type: 'in', field: 'tags', negate: false, values: ['news', 'world-cup'] });
    expect(parseFilter('tag:-[a,b]')).toEqual({ type: 'in', field: 'tag', negate: true, values: ['a', 'b'] });
    expect(parseFilter("published_at:>='2026-11-20 10:00:00'")).toEqual({ type: 'compare', field: 'published_at', op: '>=', value: '2026-11-20 10:00:00' });
    expect(parseFilter('featured:true+tag:a,tag:b')).toEqual({
      type: 'or',
      nodes: [
        { type: 'and', nodes: [{ type: 'compare', field: 'featured', op: '=', value: true }, { type: 'compare', field: 'tag', op: '=', value: 'a' }] },
        { type: 'compare', field: 'tag', op: '=', value: 'b' },
      ],
    });
    expect(parseFilter('featured:true+(tag:a,tag:b)')).toMatchObject({ type: 'and', nodes: [{ field: 'featured' }, { type: 'or' }] });
    expect(parseFilter("title:'it\\'s'")).toMatchObject({ value: "it's" });
  });

  it.each([
    ['tag', /expected ":"/],
    ['tag:', /expected a value/],
    ['tag:[a,b', /closing "]"/],
    ['(tag:a', /closing "\)"/],
    ["tag:'open", /not closed/],
    ['tag:a tag:b', /unexpected text/],
    ['tag:>[a]', /unexpected/],
    ['1tag:a', /field name/],
    ['(((((((((((tag:a)))))))))))', /nests/],
    [Array.from({ length: 60 }, (_, i) => `tag:t${i}`).join(','), /more than 50 conditions/],
    ['tag:' + 'a'.repeat(3000), /longer than/],
  ])('rejects %s with a message', (input, message) => {
    expect(() => parseFilter(input)).toThrow(FilterSyntaxError);
    expect(() => parseFilter(input)).toThrow(message);
  });
});

describe('Ghost ids', () => {
  it('are 24 hex digits, stable, reversible, and tied to their kind', () => {
    const id = toGhostId('article', 42);
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(toGhostId('article', 42)).toBe(id);
    expect(fromGhostId('article', id)).toBe(42);
    expect(fromGhostId('author', id)).toBeUndefined();
    expect(fromGhostId('article', '5ddc9141c35e7700383b2937')).toBeUndefined();
    expect(fromGhostId('article', 'zz')).toBeUndefined();
    expect(fromGhostId('tag', toGhostId('tag', 2 ** 36))).toBe(2 ** 36);
  });
});
