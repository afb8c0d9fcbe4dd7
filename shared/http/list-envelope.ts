import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** The absolute URL of `path` on the host the request came to. */
export function absoluteUrl(event: APIGatewayProxyEventV2, path: string): string {
  const host = event.headers.host ?? event.requestContext.domainName;
  const proto = event.headers['x-forwarded-proto'] ?? (/^(127\.|localhost)/.test(host) ? 'http' : 'https');
  return `${proto}://${host}${path}`;
}

/** `{count, next, previous, results}` with absolute URLs that carry the same filters and a cursor. */
export function listEnvelope<T>(
  event: APIGatewayProxyEventV2,
  page: { count: number; items: T[]; next: string | null; previous: string | null },
) {
  const link = (cursor: string | null) => {
    if (cursor === null) return null;
    const params = new URLSearchParams(event.rawQueryString);
    params.delete('cursor');
    if (cursor) params.set('cursor', cursor);
    const query = params.toString();
    return absoluteUrl(event, `${event.rawPath}${query ? `?${query}` : ''}`);
  };
  return { count: page.count, next: link(page.next), previous: link(page.previous), results: page.items };
}
