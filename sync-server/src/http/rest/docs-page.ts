/**
 * GET /api/v1/docs: a readable reference rendered on the server from the OpenAPI document
 * itself, self-contained (inline style, no script, no CDN) so it works on a closed network.
 */
type Json = Record<string, unknown>;

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const code = (v: unknown): string => `<pre>${escape(JSON.stringify(v, null, 2))}</pre>`;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});

function parameters(op: Json): string {
  const list = Array.isArray(op['parameters']) ? (op['parameters'] as unknown[]).map(obj) : [];
  if (list.length === 0) return '';
  const rows = list
    .map(
      p =>
        `<tr><td><code>${escape(String(p['name']))}</code></td><td>${escape(String(p['in']))}</td>` +
        `<td>${p['required'] === true ? 'yes' : 'no'}</td><td><code>${escape(JSON.stringify(p['schema']))}</code>` +
        `${p['description'] ? ` ${escape(String(p['description']))}` : ''}</td></tr>`,
    )
    .join('');
  return `<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Required</th><th>Schema</th></tr>${rows}</table>`;
}

function operation(path: string, method: string, op: Json): string {
  const body = obj(obj(obj(obj(op['requestBody'])['content'])['application/json'])['schema']);
  const responses = Object.entries(obj(op['responses']))
    .map(([status, r]) => {
      const schema = obj(obj(obj(r)['content'])['application/json'])['schema'];
      return `<li><b>${escape(status)}</b> ${escape(String(obj(r)['description'] ?? ''))}${schema ? code(schema) : ''}</li>`;
    })
    .join('');
  return (
    `<section id="${escape(String(op['operationId']))}"><h3><span class="m">${escape(method.toUpperCase())}</span> ` +
    `<code>/api/v1${escape(path)}</code></h3><p>${escape(String(op['summary'] ?? ''))}. ` +
    `${escape(String(op['description'] ?? ''))}</p>${parameters(op)}` +
    `${Object.keys(body).length ? `<h4>Body</h4>${code(body)}` : ''}<h4>Responses</h4><ul>${responses}</ul></section>`
  );
}

export function docsPage(doc: Json): string {
  const info = obj(doc['info']);
  const ops: string[] = [];
  const toc: string[] = [];
  for (const [path, item] of Object.entries(obj(doc['paths'])))
    for (const [method, op] of Object.entries(obj(item))) {
      ops.push(operation(path, method, obj(op)));
      toc.push(
        `<li><a href="#${escape(String(obj(op)['operationId']))}">${escape(method.toUpperCase())} ${escape(path)}</a></li>`,
      );
    }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(String(info['title']))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
pre{background:#f4f4f4;padding:.5rem;overflow:auto;font-size:12px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
.m{background:#075e54;color:#fff;padding:0 .4rem;border-radius:3px}section{border-top:1px solid #ddd;margin-top:1.5rem}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}pre{background:#222}.m{background:#25d366;color:#000}td,th{border-color:#444}}</style>
</head><body><h1>${escape(String(info['title']))} v${escape(String(info['version']))}</h1>
<p>${escape(String(info['description'] ?? ''))}</p><p>Machine-readable: <a href="/api/v1/openapi.json">openapi.json</a>.</p>
<ul>${toc.join('')}</ul>${ops.join('')}</body></html>`;
}
