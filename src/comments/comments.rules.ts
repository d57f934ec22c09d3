import crypto from 'node:crypto';
import type { Settings } from '../content/settings.js';

/**
 * Whether a story takes new comments: the site's policy is not "closed", the
 * story allows them, and it is younger than the auto-close age (if any).
 */
export function commentsOpen(article: { type: string; comments_enabled: number; published_at: string | null; updated_at: string }, settings: Settings, now: Date): boolean {
  if (article.type !== 'post' || article.comments_enabled !== 1 || settings.commentModeration === 'closed') return false;
  if (settings.commentsCloseAfterDays > 0) {
    const published = Date.parse(article.published_at ?? article.updated_at);
    if (now.getTime() - published > settings.commentsCloseAfterDays * 86_400_000) return false;
  }
  return true;
}

/** The IP as a salted hash: enough to rate-limit and spot a flood, useless to anyone who reads the database. */
export function hashIp(secret: Buffer, ip: string): string {
  return crypto.createHmac('sha256', secret).update(ip).digest('base64url');
}

const LINK_RE = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\./giu;

export function countLinks(text: string): number {
  return text.match(LINK_RE)?.length ?? 0;
}

function hostsIn(text: string): string[] {
  const hosts: string[] = [];
  for (const m of text.matchAll(/\bhttps?:\/\/([^\s/?#<>"'@]+@)?([^\s/?#:<>"']+)/giu)) hosts.push(m[2]!.toLowerCase());
  return hosts;
}

const underDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

export function ipBlocked(list: string[], ip: string): boolean {
  const addr = ip.toLowerCase().replace(/^::ffff:/, '');
  return list.some((entry) => {
    const e = entry.toLowerCase();
    return /[.:]$/.test(e) ? addr.startsWith(e) : addr === e;
  });
}

/**
 * The blocklist a comment hits, if any: a word in any field, an address, a
 * domain (of the address, the website or a link in the text), or the IP.
 */
export function blocklistHit(settings: Settings, c: { name: string; email: string; url: string | null; body: string; ip: string }): string | null {
  const text = `${c.name}\n${c.email}\n${c.url ?? ''}\n${c.body}`.toLowerCase();
  const word = settings.commentBlockedWords.find((w) => text.includes(w.toLowerCase()));
  if (word) return 'word';
  if (settings.commentBlockedEmails.some((e) => e.toLowerCase() === c.email)) return 'email';
  const hosts = [c.email.slice(c.email.lastIndexOf('@') + 1), ...hostsIn(`${c.url ?? ''}\n${c.body}`)];
  const domains = settings.commentBlockedDomains.map((d) => d.toLowerCase().replace(/^\.+/, ''));
  if (hosts.some((h) => domains.some((d) => underDomain(h, d)))) return 'domain';
  if (ipBlocked(settings.commentBlockedIps, c.ip)) return 'ip';
  return null;
}
