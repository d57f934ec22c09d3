import type { WpRequest } from './wp.service.js';

const COLLECTIONS = ['posts', 'pages', 'categories', 'tags', 'users', 'comments', 'media'];

function routes(api: string) {
  const out: Record<string, unknown> = {};
  const route = (path: string, args: string[]) => ({
    namespace: 'wp/v2',
    methods: ['GET'],
    endpoints: [{ methods: ['GET'], args: Object.fromEntries(args.map((a) => [a, { required: false }])) }],
    _links: { self: [{ href: `${api}${path}` }] },
  });
  out['/wp/v2'] = { namespace: 'wp/v2', methods: ['GET'], endpoints: [{ methods: ['GET'], args: {} }], _links: { self: [{ href: `${api}/wp/v2` }] } };
  for (const c of COLLECTIONS) {
    out[`/wp/v2/${c}`] = route(`/wp/v2/${c}`, ['page', 'per_page', 'search', 'include', 'slug', 'order', 'orderby', ...(c === 'posts' ? ['categories', 'tags', 'author'] : [])]);
    out[`/wp/v2/${c}/(?P<id>[\\d]+)`] = { ...route(`/wp/v2/${c}`, ['id']), _links: undefined };
  }
  return out;
}

/** GET /wp-json/: what WordPress clients read to discover the API. */
export function discovery(r: WpRequest) {
  const { ctx } = r;
  return {
    name: ctx.settings.title,
    description: ctx.settings.description,
    url: ctx.urls.home.replace(/\/$/, ''),
    home: ctx.urls.home.replace(/\/$/, ''),
    gmt_offset: 0,
    timezone_string: ctx.settings.timezone,
    namespaces: ['wp/v2'],
    authentication: {},
    routes: { '/': { namespace: '', methods: ['GET'], endpoints: [{ methods: ['GET'], args: {} }], _links: { self: [{ href: `${ctx.api}/` }] } }, ...routes(ctx.api) },
    _links: { help: [{ href: 'https://developer.wordpress.org/rest-api/' }] },
  };
}

export function namespaceIndex(r: WpRequest) {
  return { namespace: 'wp/v2', routes: routes(r.ctx.api), _links: { up: [{ href: `${r.ctx.api}/` }] } };
}
