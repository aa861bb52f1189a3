// The dashboard's few writes (a call's outcome, an enrollment dry run). Unlike a read, a refused write must not
// leave the page: the answer comes back as { status, body } so the page can say what happened next to the button.

/** POST /api/{path} with this key and a JSON body (none when undefined); never throws on an HTTP status. */
export async function post(path, apiKey, body) {
  const headers = { 'x-api-key': apiKey ?? '', accept: 'application/json' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  try {
    const response = await fetch(`/api/${path}`, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: await response.json().catch(() => null) };
  } catch (error) {
    // The server did not answer at all (network down, host stopped).
    return { status: 0, body: { detail: error.message } };
  }
}

/** A problem+json answer in words: its field errors when it names fields, else its detail or title. */
export function problem(result) {
  const body = result.body ?? {};
  if (body.errors) {
    return Object.entries(body.errors).map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`).join('; ');
  }
  return body.detail ?? body.title ?? (result.status ? `HTTP ${result.status}` : 'no answer from the server');
}
