import { Feed } from 'feed';
import { renderToString } from 'preact-render-to-string';
import { h } from 'preact';
import type { PublicComment } from './comments.repository.js';
import { CommentBody } from './views/comment-list.js';

export interface CommentFeedArticle {
  title: string;
  /** Absolute URL of the story. */
  url: string;
  publishedAt: string;
}

/**
 * RSS 2.0 of a story's approved comments, newest first. Built from the
 * public view of a comment, which holds no email: the feed cannot leak one.
 * Bodies are the same escaped paragraphs the page shows.
 */
export function commentFeedXml(site: { title: string; baseUrl: string }, article: CommentFeedArticle, comments: PublicComment[], selfUrl: string): string {
  const newest = comments.reduce((max, c) => (c.created_at > max ? c.created_at : max), article.publishedAt);
  const feed = new Feed({
    title: `Comments on: ${article.title}`,
    description: `Reader comments on “${article.title}” at ${site.title}`,
    id: article.url,
    link: article.url,
    copyright: site.title,
    updated: new Date(newest),
    generator: 'Masthead',
    feedLinks: { rss: selfUrl },
  });
  for (const c of [...comments].sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.id - a.id))) {
    const link = `${article.url}#comment-${c.id}`;
    feed.addItem({
      title: `By: ${c.author_name}`,
      id: link,
      link,
      date: new Date(c.created_at),
      author: [{ name: c.author_name }],
      // the CDATA section ends at the first "]]>", so one may never appear inside it
      description: renderToString(h(CommentBody, { body: c.body })).replaceAll(']]>', ']]&gt;'),
    });
  }
  return feed.rss2();
}

