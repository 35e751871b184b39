// Microblog's client API through masto.js, as Mastodon apps use it. Run by MastoJsIT, which registers the people
// (ANN, BOB, CAROL, DAVE) and grants their tokens on the consent page: ANN's in Chromium.
import assert from "node:assert/strict";
import { test } from "node:test";

import { app, base, client, ids, oauth, pages, person, refused, required, unique } from "./support.js";

const ann = person("ann");
const bob = person("bob");
const carol = person("carol");
const dave = person("dave");
const UNKNOWN_ID = "99999999999";

test("the instance describes itself in v1 and v2, with its 140-character limit", async () => {
  const anonymous = client();
  const v1 = await anonymous.v1.instance.fetch();
  assert.equal(v1.uri, base.host);
  assert.equal(v1.title, "Microblog");
  assert.match(v1.version, /^4\.\d+\.\d+/, "a Mastodon version first, which apps choose features by");
  assert.equal(v1.configuration.statuses.maxCharacters, 140);
  assert.ok(v1.stats.userCount >= 4, `users counted: ${v1.stats.userCount}`);

  const v2 = await anonymous.v2.instance.fetch();
  assert.equal(v2.domain, base.host);
  assert.equal(v2.title, "Microblog");
  assert.equal(v2.configuration.statuses.maxCharacters, 140);
  assert.equal(typeof v2.usage.users.activeMonth, "number");
  assert.equal(v2.registrations.enabled, true);
  const thumbnail = await fetch(v2.thumbnail.url);
  assert.equal(thumbnail.status, 200, `the thumbnail an app shows: ${v2.thumbnail.url}`);
});

test("an app registers itself and its own token names it", async () => {
  const registered = await client().v1.apps.create({
    clientName: unique("masto.js app"),
    redirectUris: ["com.example.other:/callback"],
    scopes: "read write",
    website: "https://app.example",
  });
  assert.ok(registered.clientId, "a client id");
  assert.ok(registered.clientSecret, "a client secret");
  assert.equal(registered.scopes, "read write");

  const named = await ann.client.v1.apps.verifyCredentials();
  assert.equal(named.name, process.env.APP_NAME, "the app of ann's token");
});

test("verify_credentials and lookup name the people, and an unknown account is a 404", async () => {
  const me = await ann.client.v1.accounts.verifyCredentials();
  assert.equal(me.username, ann.username);
  assert.equal(me.acct, ann.username);
  assert.equal(me.source.privacy, "public");
  assert.match(me.url, new RegExp(`/user/${ann.username}$`));
  for (const image of [me.avatar, me.avatarStatic, me.header]) {
    const answer = await fetch(image);
    assert.equal(answer.status, 200, image);
    assert.match(answer.headers.get("content-type"), /^image\//, image);
  }

  const found = await ann.client.v1.accounts.lookup({ acct: bob.username });
  assert.equal(found.username, bob.username);
  const byId = await ann.client.v1.accounts.$select(found.id).fetch();
  assert.equal(byId.username, bob.username);
  const withDomain = await ann.client.v1.accounts.lookup({ acct: `${bob.username}@${base.host}` });
  assert.equal(withDomain.id, found.id);

  const unknown = await refused(ann.client.v1.accounts.lookup({ acct: unique("nobody").replace(/ /g, "-") }), 404);
  assert.equal(unknown.message, "Record not found");
  await refused(ann.client.v1.accounts.$select(UNKNOWN_ID).fetch(), 404);
  await refused(ann.client.v1.accounts.lookup({ acct: `${bob.username}@elsewhere.example` }), 404);
});

test("the profile note changes through update_credentials, sent as masto.js sends it (multipart)", async () => {
  const stamp = Date.now();
  const note = `I <3 masto.js & "Node" ${stamp}`;
  const updated = await carol.client.v1.accounts.updateCredentials({ note });
  assert.equal(updated.note, `<p>I &lt;3 masto.js &amp; &quot;Node&quot; ${stamp}</p>`);
  assert.equal(updated.source.note, note);
  assert.equal((await carol.client.v1.accounts.verifyCredentials()).source.note, note);
  await refused(carol.client.v1.accounts.updateCredentials({ note: "x".repeat(1000) }), 422);
});

test("preferences say every post is public", async () => {
  const preferences = await ann.client.v1.preferences.fetch();
  assert.equal(preferences["posting:default:visibility"], "public");
  assert.equal(preferences["posting:default:sensitive"], false);
});

test("a status keeps its text as escaped HTML, one paragraph with a line break per new line", async () => {
  const status = await ann.client.v1.statuses.create({ status: "1 < 2 & 3 > 2\nsaid \"ann\" & 'bob'" });
  assert.equal(status.content, "<p>1 &lt; 2 &amp; 3 &gt; 2<br>said &quot;ann&quot; &amp; &#39;bob&#39;</p>");
  assert.equal(status.account.username, ann.username);
  assert.equal(status.visibility, "public");
  assert.match(status.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/, "ISO 8601 in UTC");
  assert.ok(Math.abs(Date.parse(status.createdAt) - Date.now()) < 5 * 60_000, `now: ${status.createdAt}`);
  assert.ok(status.url.startsWith(base.href), `a page of the site: ${status.url}`);

  const fetched = await bob.client.v1.statuses.$select(status.id).fetch();
  assert.equal(fetched.content, status.content);
  assert.equal(fetched.id, status.id);
  const mine = await ann.client.v1.accounts.$select(status.account.id).statuses.list({ limit: 5 });
  assert.equal(mine[0].id, status.id, "the newest of ann's statuses");
});

test("a status posted with every field an app such as Elk sends is accepted; what Microblog lacks is a 422", async () => {
  const status = await bob.client.v1.statuses.create({
    status: unique("as an app posts"),
    visibility: "public",
    sensitive: false,
    spoilerText: "",
    mediaIds: [],
    poll: null,
    inReplyToId: null,
    language: "en",
  });
  assert.equal(status.visibility, "public");
  const bobAccount = await bob.client.v1.accounts.verifyCredentials();
  const pinned = await ann.client.v1.accounts.$select(bobAccount.id).statuses.list({ pinned: true });
  assert.deepEqual(pinned, [], "no pinned statuses, as a profile asks");
  await refused(bob.client.v1.statuses.create({ status: "only for followers", visibility: "private" }), 422);
  await refused(bob.client.v1.statuses.create({ status: "a reply", inReplyToId: status.id }), 422);
});

test("140 emoji are a status and 141 are refused with 422, and nothing is stored", async () => {
  const before = (await carol.client.v1.accounts.verifyCredentials()).statusesCount;
  const full = await carol.client.v1.statuses.create({ status: "😀".repeat(140) });
  assert.equal(full.content, `<p>${"😀".repeat(140)}</p>`);

  const tooLong = await refused(carol.client.v1.statuses.create({ status: "😀".repeat(141) }), 422);
  assert.match(tooLong.message, /140/);
  await refused(carol.client.v1.statuses.create({ status: "x".repeat(141) }), 422);
  await refused(carol.client.v1.statuses.create({ status: "   " }), 422);
  assert.equal((await carol.client.v1.accounts.verifyCredentials()).statusesCount, before + 1);
});

test("deleting a status answers it with its text, and it is then a 404; another's is not deleted", async () => {
  const text = "to delete <soon>\nsecond line";
  const status = await ann.client.v1.statuses.create({ status: text });
  await refused(bob.client.v1.statuses.$select(status.id).remove(), 404);

  const deleted = await ann.client.v1.statuses.$select(status.id).remove();
  assert.equal(deleted.id, status.id);
  assert.equal(deleted.text, text, "the text, for delete and redraft");
  await refused(ann.client.v1.statuses.$select(status.id).fetch(), 404);
  await refused(ann.client.v1.statuses.$select(status.id).remove(), 404);
  await refused(ann.client.v1.statuses.$select(UNKNOWN_ID).fetch(), 404);
});

test("following brings someone's statuses into the home timeline, relationships say so, unfollowing ends it", async () => {
  const bobAccount = await ann.client.v1.accounts.lookup({ acct: bob.username });
  const annAccount = await ann.client.v1.accounts.verifyCredentials();
  const followed = await ann.client.v1.accounts.$select(bobAccount.id).follow();
  assert.equal(followed.id, bobAccount.id);
  assert.equal(followed.following, true);

  const post = await bob.client.v1.statuses.create({ status: unique("bob for his followers") });
  const home = await ann.client.v1.timelines.home.list({ limit: 40 });
  assert.ok(ids(home).includes(post.id), "bob's status in ann's home timeline");

  const [toBob, unknown] = [
    ...(await ann.client.v1.accounts.relationships.fetch({ id: [bobAccount.id, UNKNOWN_ID] })),
  ];
  assert.equal(unknown, undefined, "an unknown id is left out");
  assert.equal(toBob.id, bobAccount.id);
  assert.equal(toBob.following, true);
  assert.equal(toBob.followedBy, false);
  const [fromBob] = await bob.client.v1.accounts.relationships.fetch({ id: [annAccount.id] });
  assert.equal(fromBob.followedBy, true);
  assert.equal(fromBob.following, false);

  const followers = await bob.client.v1.accounts.$select(bobAccount.id).followers.list();
  assert.ok(ids(followers).includes(annAccount.id), "ann among bob's followers");
  assert.equal((await ann.client.v1.accounts.$select(bobAccount.id).fetch()).followersCount >= 1, true);

  const unfollowed = await ann.client.v1.accounts.$select(bobAccount.id).unfollow();
  assert.equal(unfollowed.following, false);
  const after = await ann.client.v1.timelines.home.list({ limit: 40 });
  assert.ok(!ids(after).includes(post.id), "bob's status left ann's home timeline");
  await refused(ann.client.v1.accounts.$select(annAccount.id).follow(), 422);
  await refused(ann.client.v1.accounts.$select(UNKNOWN_ID).follow(), 404);
});

test("muting someone followed takes their statuses out of the home timeline until unmuted", async () => {
  const bobAccount = await carol.client.v1.accounts.lookup({ acct: bob.username });
  await carol.client.v1.accounts.$select(bobAccount.id).follow();
  const post = await bob.client.v1.statuses.create({ status: unique("bob, muted or not") });
  assert.ok(ids(await carol.client.v1.timelines.home.list()).includes(post.id));

  const muted = await carol.client.v1.accounts.$select(bobAccount.id).mute();
  assert.equal(muted.muting, true);
  assert.equal(muted.following, true);
  assert.ok(!ids(await carol.client.v1.timelines.home.list()).includes(post.id), "muted: not in home");

  const unmuted = await carol.client.v1.accounts.$select(bobAccount.id).unmute();
  assert.equal(unmuted.muting, false);
  assert.ok(ids(await carol.client.v1.timelines.home.list()).includes(post.id), "unmuted: back in home");
  await carol.client.v1.accounts.$select(bobAccount.id).unfollow();
});

test("blocking ends the follow both ways, lists the account among blocks, and refuses a follow back", async () => {
  const carolAccount = await bob.client.v1.accounts.lookup({ acct: carol.username });
  const bobAccount = await carol.client.v1.accounts.lookup({ acct: bob.username });
  await carol.client.v1.accounts.$select(bobAccount.id).follow();

  const blocked = await bob.client.v1.accounts.$select(carolAccount.id).block();
  assert.equal(blocked.blocking, true);
  assert.equal(blocked.followedBy, false, "carol no longer follows bob");
  const blocks = await bob.client.v1.blocks.list();
  assert.ok(ids(blocks).includes(carolAccount.id), "carol among bob's blocks");
  const [seenByCarol] = await carol.client.v1.accounts.relationships.fetch({ id: [bobAccount.id] });
  assert.equal(seenByCarol.blockedBy, true);
  assert.equal(seenByCarol.following, false);
  await refused(carol.client.v1.accounts.$select(bobAccount.id).follow(), 422);

  const unblocked = await bob.client.v1.accounts.$select(carolAccount.id).unblock();
  assert.equal(unblocked.blocking, false);
  assert.ok(!ids(await bob.client.v1.blocks.list()).includes(carolAccount.id));
});

test("the home timeline pages to its end by max_id and back by min_id, newest first, each status once", async () => {
  // dave follows nobody: his home timeline is his own statuses, 45 of them, three pages of 20
  const posted = [];
  for (let i = 1; i <= 45; i++) {
    posted.push((await dave.client.v1.statuses.create({ status: `dave's status ${i}` })).id);
  }
  const newestFirst = [...posted].reverse();

  const older = await pages(dave.client.v1.timelines.home.list({ limit: 20 }));
  assert.deepEqual(
    older.map((page) => page.length),
    [20, 20, 5],
    "three pages by the Link header's next (max_id), the last without a next",
  );
  assert.deepEqual(older.flat().map((status) => status.id), newestFirst);

  const byMaxId = await dave.client.v1.timelines.home.list({ limit: 20, maxId: newestFirst[19] });
  assert.deepEqual(ids(byMaxId), newestFirst.slice(20, 40));
  assert.deepEqual(ids(await dave.client.v1.timelines.home.list({ maxId: newestFirst[44] })), []);

  // back from the oldest towards the newest: each page the statuses right after the last seen, newest first
  const oldest = newestFirst[44];
  const newer = await pages(dave.client.v1.timelines.home.list({ limit: 20, minId: oldest }).setDirection("prev"));
  const pagesWithStatuses = newer.filter((page) => page.length > 0);
  assert.deepEqual(
    pagesWithStatuses.map((page) => page.length),
    [20, 20, 4],
    "by the Link header's prev (min_id)",
  );
  assert.deepEqual(ids(pagesWithStatuses[0]), newestFirst.slice(24, 44), "min_id: the 20 right after it");
  for (const page of pagesWithStatuses) {
    assert.deepEqual(ids(page), newestFirst.filter((id) => ids(page).includes(id)), "each page newest first");
  }
  const seen = pagesWithStatuses.flat().map((status) => status.id);
  assert.equal(new Set(seen).size, seen.length, "no status twice");
  assert.deepEqual([...seen].sort(), newestFirst.slice(0, 44).sort(), "none missing");

  const daveAccount = await dave.client.v1.accounts.verifyCredentials();
  const own = await pages(dave.client.v1.accounts.$select(daveAccount.id).statuses.list({ limit: 20 }));
  assert.deepEqual(own.flat().map((status) => status.id), newestFirst, "his statuses page alike");

  const sinceOldest = await dave.client.v1.timelines.home.list({ limit: 20, sinceId: oldest });
  assert.deepEqual(ids(sinceOldest), newestFirst.slice(0, 20), "since_id: the newest 20 after it");
  const sinceNewest = await dave.client.v1.timelines.home.list({ sinceId: newestFirst[0] });
  assert.deepEqual(ids(sinceNewest), [], "nothing newer than the newest");
});

test("followers and following page by the Link header, most recent first, each account once", async () => {
  const daveAccount = await ann.client.v1.accounts.lookup({ acct: dave.username });
  const followers = [];
  for (const follower of [ann, bob, carol]) {
    await follower.client.v1.accounts.$select(daveAccount.id).follow();
    followers.push((await follower.client.v1.accounts.verifyCredentials()).id);
  }
  try {
    const listed = await pages(dave.client.v1.accounts.$select(daveAccount.id).followers.list({ limit: 2 }));
    assert.deepEqual(listed.map((page) => page.length), [2, 1], "two pages of at most two");
    assert.deepEqual(ids(listed.flat()), [...followers].reverse(), "most recent first, each once");
    const following = await ann.client.v1.accounts.$select(followers[0]).following.list({ limit: 80 });
    assert.ok(ids(following).includes(daveAccount.id), "dave among whom ann follows");
    assert.equal((await ann.client.v1.accounts.$select(daveAccount.id).fetch()).followersCount, 3);
  } finally {
    for (const follower of [ann, bob, carol]) {
      await follower.client.v1.accounts.$select(daveAccount.id).unfollow();
    }
  }
});

test("a status's context is empty: Microblog has no replies", async () => {
  const status = await bob.client.v1.statuses.create({ status: unique("no replies") });
  const context = await ann.client.v1.statuses.$select(status.id).context.fetch();
  assert.deepEqual(context, { ancestors: [], descendants: [] });
  await refused(ann.client.v1.statuses.$select(UNKNOWN_ID).context.fetch(), 404);
});

test("the public timeline needs no token and shows a new status first", async () => {
  const status = await bob.client.v1.statuses.create({ status: unique("for everyone") });
  const timeline = await client().v1.timelines.public.list({ limit: 40 });
  assert.ok(ids(timeline).includes(status.id), "the new status on the public timeline");
  const position = ids(timeline).indexOf(status.id);
  assert.ok(position < 5, `among the newest, not at ${position}`);
  assert.equal(timeline[position].content, status.content);
  const older = await client().v1.timelines.public.list({ limit: 2, maxId: status.id });
  assert.equal(older.length, 2);
  assert.ok(!ids(older).includes(status.id), "max_id leaves the status itself out");
});

test("refusals are Mastodon's: 401 without a token, 403 for a scope not granted, as JSON with an error", async () => {
  const anonymous = client();
  const noToken = await refused(anonymous.v1.accounts.verifyCredentials(), 401);
  assert.match(noToken.message, /token/i);
  await refused(anonymous.v1.statuses.create({ status: "who am I?" }), 401);
  await refused(anonymous.v1.timelines.home.list(), 401);
  await refused(client("not-a-token").v1.timelines.public.list(), 401);

  const readOnly = client(required("ANN_READ_ONLY_TOKEN"));
  assert.equal((await readOnly.v1.accounts.verifyCredentials()).username, ann.username, "reading is granted");
  const outOfScope = await refused(readOnly.v1.statuses.create({ status: "read only" }), 403);
  assert.match(outOfScope.message, /scope/);
  const bobAccount = await readOnly.v1.accounts.lookup({ acct: bob.username });
  await refused(readOnly.v1.accounts.$select(bobAccount.id).follow(), 403);
});

test("masto.js exchanges a code for a token at /oauth/token", async () => {
  const token = await oauth().token.create({
    grantType: "authorization_code",
    code: required("ANN_CODE"),
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUri: required("REDIRECT_URI"),
    codeVerifier: required("CODE_VERIFIER"),
  });
  assert.equal(token.tokenType, "Bearer");
  assert.equal(token.scope, "read write");
  assert.equal((await client(token.accessToken).v1.accounts.verifyCredentials()).username, ann.username);
});

test("masto.js revokes a token at /oauth/revoke, and the token is then refused with 401", async () => {
  const token = required("ANN_REVOCABLE_TOKEN");
  assert.equal((await client(token).v1.accounts.verifyCredentials()).username, ann.username);
  await oauth().revoke({ clientId: app.clientId, clientSecret: app.clientSecret, token });
  await refused(client(token).v1.accounts.verifyCredentials(), 401);
});

test("a token revoked as RFC 7009 says (a form POST) is refused to masto.js with 401", async () => {
  const token = required("ANN_FORM_REVOCABLE_TOKEN");
  assert.equal((await client(token).v1.accounts.verifyCredentials()).username, ann.username);
  const revoked = await fetch(new URL("oauth/revoke", base), {
    method: "POST",
    body: new URLSearchParams({ token, client_id: app.clientId, client_secret: app.clientSecret }),
  });
  assert.equal(revoked.status, 200, await revoked.text());
  await refused(client(token).v1.accounts.verifyCredentials(), 401);
  await refused(client(token).v1.timelines.public.list(), 401);
});

test("search finds a status by its words in any case and without accents, and an account by its name's start", async () => {
  const word = `zq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const status = await dave.client.v1.statuses.create({ status: `Un café por la mañana ${word}` });
  const found = await ann.client.v2.search.list({ q: `CAFE manana ${word.toUpperCase()}`, type: "statuses" });
  assert.deepEqual(ids(found.statuses), [status.id]);
  assert.equal(found.statuses[0].content, status.content);
  assert.deepEqual(found.accounts, [], "type=statuses asks for statuses only");
  assert.deepEqual(found.hashtags, []);
  assert.deepEqual(ids((await client().v2.search.list({ q: word })).statuses), [status.id], "visitors search too");
  assert.deepEqual(ids((await ann.client.v2.search.list({ q: `tea ${word}` })).statuses), [], "every word");

  const account = await dave.client.v1.accounts.verifyCredentials();
  const people = await client().v2.search.list({ q: `@${account.username.slice(0, -1)}`, type: "accounts" });
  assert.ok(ids(people.accounts).includes(account.id), "the account by the start of its name");
  await refused(client().v2.search.list({ q: "" }), 400);
});
