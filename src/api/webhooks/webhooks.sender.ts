import { safeFetch } from '../../net/safe-fetch.js';
import crypto from 'node:crypto';

/** The one thing the sender needs from an HTTP client; the shared safe fetch fits it. */
export type WebhookFetch = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; redirect: 'manual'; signal: AbortSignal }) => Promise<{ status: number; body?: { cancel(): Promise<void> } | null }>;

/** Global fetch, refusing anything but http(s). Redirects are not followed: a 3xx is a failed delivery. */
export const defaultWebhookFetch: WebhookFetch = async (url, init) => {
  const protocol = new URL(url).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`refusing to send to a ${protocol} URL`);
  return fetch(url, init);
};

/**
 * `Masthead-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 * The timestamp is signed too, so a receiver can refuse old replays.
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** How a receiver checks a delivery (documented in the README; used by the tests). */
export function verifySignature(secret: string, body: string, header: string, now: Date, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** One attempt: POST the body, signed; 2xx is success, anything else (or no answer in time) is not. */
export async function sendWebhook(fetchFn: WebhookFetch, d: { id: number; url: string; secret: string; event: string; payload: string }, at: Date, timeoutMs: number): Promise<SendResult> {
  try {
    const res = await fetchFn(d.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      body: d.payload,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Masthead-Webhooks/1',
        'masthead-event': d.event,
        'masthead-delivery': String(d.id),
        'masthead-signature': signatureHeader(d.secret, d.payload, at),
      },
    });
    await res.body?.cancel().catch(() => {});
    const ok = res.status >= 200 && res.status < 300;
    return { ok, statusCode: res.status, error: ok ? null : `the receiver answered ${res.status}` };
  } catch (err) {
    const e = err as Error;
    const error = e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${timeoutMs} ms` : (e.cause as Error | undefined)?.message ?? e.message;
    return { ok: false, statusCode: null, error };
  }
}

/**
 * Deliveries through the shared outbound door (src/net/safe-fetch.ts): no
 * redirects followed, a small response cap, and private or loopback
 * addresses refused unless MASTHEAD_FETCH_ALLOW_PRIVATE=1, so a webhook URL
 * cannot be aimed at the newsroom's own network.
 */
export function safeWebhookFetch(allowPrivate: boolean, timeoutMs = 10_000): WebhookFetch {
  return async (url, init) => {
    const res = await safeFetch(url, { method: 'POST', headers: init.headers, body: init.body, maxRedirects: 0, maxBytes: 64 * 1024, timeoutMs, allowPrivate, userAgent: init.headers['user-agent'] });
    return { status: res.status, body: null };
  };
}
