// What the test files share: the server and the people MastoJsIT made, masto.js clients for them, and a way to
// assert a refusal.
import assert from "node:assert/strict";
import { createOAuthAPIClient, createRestAPIClient, MastoHttpError } from "masto";

/** Where Microblog answers, as MastoJsIT gives it (the suite deploys it under a path, "/microblog/"). */
export const base = new URL(required("MICROBLOG_URL"));

export const app = { clientId: required("CLIENT_ID"), clientSecret: required("CLIENT_SECRET") };

// A Mastodon server's API is at the root of its host, and masto.js asks for "/api/..." and "/oauth/..." there; the
// suite's deployment has the API under its path, so requests to the root go under it. The Link header's addresses
// already carry the path and pass unchanged.
if (base.pathname !== "/") {
  const fetchAtRoot = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== base.origin || url.pathname.startsWith(base.pathname)) {
      return fetchAtRoot(request);
    }
    url.pathname = base.pathname + url.pathname.slice(1);
    // the body read whole, so that it goes with its length as masto.js sent it, not as a stream
    const body = request.body === null ? undefined : await request.arrayBuffer();
    return fetchAtRoot(url, { method: request.method, headers: request.headers, body, signal: request.signal });
  };
}

/** The environment variable, which MastoJsIT must have set. */
export function required(name) {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: these tests are run by MastoJsIT`);
  return value;
}

/** A person MastoJsIT registered: NAME_USERNAME and NAME_TOKEN, with a client acting for them. */
export function person(name) {
  const upper = name.toUpperCase();
  const token = required(`${upper}_TOKEN`);
  return { username: required(`${upper}_USERNAME`), token, client: client(token) };
}

/** masto.js's REST client with this token, or without one. */
export function client(accessToken) {
  return createRestAPIClient({ url: base.origin, accessToken, timeout: 30_000 });
}

export function oauth() {
  return createOAuthAPIClient({ url: base.origin, timeout: 30_000 });
}

/**
 * Asserts that the call is refused with this status and Mastodon's error body ({"error": "..."}), which masto.js
 * reads into its MastoHttpError; returns the error.
 */
export async function refused(call, status) {
  let error;
  try {
    await call;
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof MastoHttpError, `a refusal with ${status} expected, got ${error ?? "an answer"}`);
  assert.equal(error.statusCode, status, error.message);
  assert.equal(typeof error.message, "string");
  assert.ok(error.message.length > 0, "an error message in the body");
  return error;
}

/** Every page of a masto.js list, following its Link header, as an array of pages. */
export async function pages(paginator) {
  const all = [];
  for await (const page of paginator) {
    all.push(page);
    assert.ok(all.length < 100, "paging does not end");
  }
  return all;
}

/** The ids, in order. */
export const ids = (entities) => entities.map((entity) => entity.id);

/** Whether a list of statuses is newest first (ids grow with time; ordered as numbers, not strings). */
export function assertNewestFirst(statuses) {
  for (let i = 1; i < statuses.length; i++) {
    assert.ok(
      BigInt(statuses[i - 1].id) > BigInt(statuses[i].id),
      `newest first: ${statuses[i - 1].id} before ${statuses[i].id}`,
    );
  }
}

/** A unique piece of text for a post, so that a test finds its own posts. */
export function unique(label) {
  return `${label} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
