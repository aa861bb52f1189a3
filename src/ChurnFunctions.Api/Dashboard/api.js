import { page, el, $ } from './common.js';

// The API reference, drawn from the OpenAPI document both hosts serve (GET /api/openapi.json, open like health: it
// names routes, never data), so it lists exactly what the hosts map, grouped by the document's tags.
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

page(async () => {
  const response = await fetch('/api/openapi.json', { headers: { accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`openapi.json: ${response.status} ${response.statusText}`);
  }
  const document = await response.json();
  $('#title').textContent = `${document.info?.title ?? 'API'} ${document.info?.version ?? ''}`.trim();
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) => methods
    .filter((method) => item[method])
    .map((method) => ({ path, method, operation: item[method], shared: item.parameters ?? [] })));
  $('#about').textContent = `${operations.length} routes from OpenAPI ${document.openapi}. ${document.info?.description ?? ''}`;

  const groups = new Map();
  for (const entry of operations) {
    const tag = entry.operation.tags?.[0] ?? entry.path.split('/').filter(Boolean).slice(0, 2).join('/');
    groups.set(tag, [...(groups.get(tag) ?? []), entry]);
  }
  $('#tags').append(...[...groups.keys()].map((tag) => el('a', { href: `#tag-${tag}` }, tag)));
  $('#groups').append(...[...groups].map(([tag, entries]) => el('section', { id: `tag-${tag}`, class: 'api-group', 'data-tag': tag },
    el('h2', {}, tag),
    ...entries.map((entry) => operation(entry, document)))));
});

function operation({ path, method, operation: op, shared }, document) {
  const parameters = [...shared, ...(op.parameters ?? [])].map((p) => resolve(p, document));
  return el('article', { class: 'card api-op', 'data-method': method.toUpperCase(), 'data-path': path, 'data-operation': op.operationId ?? null },
    el('h3', {}, el('span', { class: `method method-${method}` }, method.toUpperCase()), ' ', el('code', { 'data-field': 'path' }, path)),
    el('p', { 'data-field': 'summary' }, op.summary ?? op.operationId ?? ''),
    op.description ? el('p', { class: 'muted', 'data-field': 'description' }, op.description) : null,
    el('dl', {},
      el('dt', {}, 'Parameters'),
      el('dd', { 'data-field': 'parameters' }, parameters.length
        ? el('ul', {}, parameters.map((p) => el('li', { 'data-parameter': p.name },
          el('code', {}, p.name), ` (${p.in}${p.required ? ', required' : ''}${type(p.schema, document)})`, p.description ? `: ${p.description}` : '')))
        : 'none'),
      op.requestBody ? [el('dt', {}, 'Body'), el('dd', {}, Object.keys(op.requestBody.content ?? {}).join(', ') || 'yes')] : null,
      el('dt', {}, 'Auth'),
      el('dd', { 'data-field': 'auth' }, auth(op.security, document))));
}

/** The keys or signatures an operation takes, in words: any one of its requirements will do. */
function auth(security, document) {
  if (!security) {
    return 'not stated in the document';
  }
  // An empty list, or an empty requirement ({}), is OpenAPI's way of saying a route is open.
  if (security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0)) {
    return 'none';
  }
  const schemes = document.components?.securitySchemes ?? {};
  const words = security.map((requirement) => Object.keys(requirement).map((name) => {
    const scheme = schemes[name];
    const where = scheme?.in && scheme?.name ? ` in ${scheme.in} ${scheme.name}` : '';
    return `${scheme?.description ?? name}${where}`;
  }).join(' and '));
  return words.length === 1 ? words[0] : `One of: ${words.join('; ')}`;
}

function type(schema, document) {
  const resolved = resolve(schema ?? {}, document);
  const name = Array.isArray(resolved.type) ? resolved.type.filter((t) => t !== 'null').join('|') : resolved.type;
  const values = resolved.enum ? `: ${resolved.enum.join(' | ')}` : '';
  return name || values ? `, ${name ?? ''}${values}` : '';
}

// A local reference ("#/components/...") to what it names; anything else as it is.
function resolve(item, document) {
  if (!item?.$ref?.startsWith('#/')) {
    return item;
  }
  return item.$ref.slice(2).split('/').reduce((node, key) => node?.[key], document) ?? item;
}
