import { describe, expect, it } from 'vitest';
import { threadComments, type PublicComment } from '../../src/comments/comments.repository.js';

const c = (id: number, parent: number | null, minute: number): PublicComment => ({
  id,
  parent_id: parent,
  author_name: `Reader ${id}`,
  author_url: null,
  body: `comment ${id}`,
  created_at: `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`,
});

const shape = (nodes: ReturnType<typeof threadComments>): unknown => nodes.map((n) => (n.children.length ? [n.id, shape(n.children)] : n.id));

describe('threadComments', () => {
  it('nests replies under their parents in time order', () => {
    const tree = threadComments([c(1, null, 1), c(2, 1, 2), c(3, null, 3), c(4, 2, 4), c(5, 1, 5)], 5);
    expect(shape(tree)).toEqual([[1, [[2, [4]], 5]], 3]);
    expect(tree[0]!.children[0]!.children[0]!.depth).toBe(3);
  });

  it('shows replies past the depth limit flat beside the deepest allowed comment', () => {
    const chain = [c(1, null, 1), c(2, 1, 2), c(3, 2, 3), c(4, 3, 4), c(5, 4, 5)];
    expect(shape(threadComments(chain, 3))).toEqual([[1, [[2, [3, 4, 5]]]]]);
    expect(shape(threadComments(chain, 1))).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows replies to hidden comments at the top level', () => {
    expect(shape(threadComments([c(2, 99, 2), c(1, null, 1)], 5))).toEqual([1, 2]);
  });

  it('survives parent loops in imported data', () => {
    expect(String(shape(threadComments([c(1, 2, 1), c(2, 1, 2)], 5)))).toContain('1');
  });
});
