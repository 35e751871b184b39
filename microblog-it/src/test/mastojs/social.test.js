// Notifications, markers, the list of mutes and follow suggestions through masto.js, as Mastodon documents them
// (docs.joinmastodon.org/methods/notifications, markers, mutes, suggestions). Run by MastoJsIT, which registers
// NICK (with a read-only token too), OLGA, PETE and QUINN.
import assert from "node:assert/strict";
import { test } from "node:test";

import { client, ids, pages, person, refused, required } from "./support.js";

const nick = person("nick");
const olga = person("olga");
const pete = person("pete");
const quinn = person("quinn");
const UNKNOWN_ID = "99999999999";

/** The account of {@code someone} as {@code viewer} looks it up. */
const accountOf = (viewer, someone) => viewer.client.v1.accounts.lookup({ acct: someone.username });

/** The person's notification of type follow from {@code follower}, or undefined. */
async function followNotification(of, follower) {
  const all = await of.client.v1.notifications.list({ limit: 40 });
  return all.find((n) => n.type === "follow" && n.account.username === follower.username);
}

test("a follow is a notification of type follow, which types[] and exclude_types[] select", async () => {
  const nickAccount = await accountOf(olga, nick);
  await olga.client.v1.accounts.$select(nickAccount.id).follow();

  const notification = await followNotification(nick, olga);
  assert.ok(notification, "nick is told that olga follows him");
  assert.equal(typeof notification.id, "string");
  assert.ok(!Number.isNaN(Date.parse(notification.createdAt)), `a date: ${notification.createdAt}`);
  assert.equal(notification.account.username, olga.username);

  const follows = await nick.client.v1.notifications.list({ types: ["follow"] });
  assert.ok(ids(follows).includes(notification.id), "types[]=follow");
  assert.ok(follows.every((n) => n.type === "follow"));
  const mentions = await nick.client.v1.notifications.list({ types: ["mention"] });
  assert.ok(!ids(mentions).includes(notification.id), "types[]=mention");
  const allButFollows = await nick.client.v1.notifications.list({ excludeTypes: ["follow"] });
  assert.ok(!ids(allButFollows).includes(notification.id), "exclude_types[]=follow");
  const allButMentions = await nick.client.v1.notifications.list({ excludeTypes: ["mention", "favourite"] });
  assert.ok(ids(allButMentions).includes(notification.id), "exclude_types[]=mention&exclude_types[]=favourite");

  const one = await nick.client.v1.notifications.$select(notification.id).fetch();
  assert.equal(one.id, notification.id);
  assert.equal(one.type, "follow");
  assert.equal(one.account.id, notification.account.id);
  await refused(olga.client.v1.notifications.$select(notification.id).fetch(), 404);
  await refused(nick.client.v1.notifications.$select(UNKNOWN_ID).fetch(), 404);
  await refused(client().v1.notifications.list(), 401);
});

test("account_id selects the notifications from one account", async () => {
  const olgaAccount = await accountOf(pete, olga);
  const peteAccount = await pete.client.v1.accounts.verifyCredentials();
  await pete.client.v1.accounts.$select(olgaAccount.id).follow();
  await quinn.client.v1.accounts.$select(olgaAccount.id).follow();

  const fromPete = await olga.client.v1.notifications.list({ accountId: peteAccount.id });
  assert.ok(ids(fromPete).includes((await followNotification(olga, pete)).id), "pete's follow");
  assert.deepEqual(
    [...new Set(fromPete.map((n) => n.account.username))],
    [pete.username],
    "only pete's, not those of everyone who follows olga",
  );
});

test("notifications page by the Link header, newest first, each once", async () => {
  const olgaAccount = await accountOf(nick, olga);
  for (const follower of [nick, pete, quinn]) {
    await follower.client.v1.accounts.$select(olgaAccount.id).follow();
  }
  const all = await olga.client.v1.notifications.list({ limit: 80 });
  assert.ok(all.length >= 3, `a notification of each follow: ${all.length}`);
  const paged = await pages(olga.client.v1.notifications.list({ limit: 1 }));
  assert.ok(paged.every((page) => page.length <= 1), "at most one a page");
  assert.deepEqual(ids(paged.flat()), ids(all), "every notification once, in the order of the whole list");
  const [newest, second] = all;
  const older = await olga.client.v1.notifications.list({ maxId: newest.id, limit: 1 });
  assert.deepEqual(ids(older), [second.id], "max_id: the next older one");
  const newer = await olga.client.v1.notifications.list({ minId: second.id, limit: 1 });
  assert.deepEqual(ids(newer), [newest.id], "min_id: the next newer one");
});

test("the unread count follows the notifications marker", async () => {
  await nick.client.v1.accounts.$select((await accountOf(nick, pete)).id).follow();
  const newest = (await pete.client.v1.notifications.list({ limit: 1 }))[0];
  assert.ok(newest, "pete has a notification");
  await pete.client.v1.markers.create({ notifications: { lastReadId: newest.id } });
  assert.equal((await pete.client.v1.notifications.unreadCount.fetch()).count, 0, "all read up to the marker");

  const peteAccount = await pete.client.v1.accounts.verifyCredentials();
  await olga.client.v1.accounts.$select(peteAccount.id).follow();
  assert.equal((await pete.client.v1.notifications.unreadCount.fetch()).count, 1, "olga's follow is unread");
  const fromOlga = await followNotification(pete, olga);
  await pete.client.v1.markers.create({ notifications: { lastReadId: fromOlga.id } });
  assert.equal((await pete.client.v1.notifications.unreadCount.fetch()).count, 0, "read once the marker passes it");
});

test("dismissing a notification removes that one; clearing removes them all", async () => {
  const nickAccount = await accountOf(pete, nick);
  await pete.client.v1.accounts.$select(nickAccount.id).follow();
  await quinn.client.v1.accounts.$select(nickAccount.id).follow();
  const fromPete = await followNotification(nick, pete);
  const fromQuinn = await followNotification(nick, quinn);
  assert.ok(fromPete && fromQuinn, "a notification of each follow");

  const readOnly = client(required("NICK_READ_ONLY_TOKEN"));
  assert.ok(ids(await readOnly.v1.notifications.list()).includes(fromPete.id), "read:notifications is granted");
  await refused(readOnly.v1.notifications.$select(fromPete.id).dismiss(), 403);
  await refused(readOnly.v1.notifications.clear(), 403);
  await refused(pete.client.v1.notifications.$select(fromPete.id).dismiss(), 404);

  await nick.client.v1.notifications.$select(fromPete.id).dismiss();
  const left = ids(await nick.client.v1.notifications.list());
  assert.ok(!left.includes(fromPete.id), "the dismissed one is gone");
  assert.ok(left.includes(fromQuinn.id), "the other is still there");
  await refused(nick.client.v1.notifications.$select(fromPete.id).fetch(), 404);

  await nick.client.v1.notifications.clear();
  assert.deepEqual(ids(await nick.client.v1.notifications.list()), [], "none after clear");
});

test("markers keep where the person stopped reading home and notifications, with a version that grows", async () => {
  const nothing = await quinn.client.v1.markers.fetch({ timeline: ["home", "notifications"] });
  assert.deepEqual(Object.keys(nothing), [], "no marker yet");

  const first = await quinn.client.v1.statuses.create({ status: "read up to here" });
  const saved = await quinn.client.v1.markers.create({ home: { lastReadId: first.id } });
  assert.equal(saved.home.lastReadId, first.id);
  assert.equal(typeof saved.home.version, "number");
  assert.ok(!Number.isNaN(Date.parse(saved.home.updatedAt)), `a date: ${saved.home.updatedAt}`);

  const read = await quinn.client.v1.markers.fetch({ timeline: ["home"] });
  assert.equal(read.home.lastReadId, first.id);
  assert.equal(read.notifications, undefined, "only the timelines asked for");

  const second = await quinn.client.v1.statuses.create({ status: "and now here" });
  const moved = await quinn.client.v1.markers.create({ home: { lastReadId: second.id } });
  assert.equal(moved.home.lastReadId, second.id);
  assert.ok(moved.home.version > saved.home.version, "the version grows with each change");

  const quinnAccount = await accountOf(pete, quinn);
  await pete.client.v1.accounts.$select(quinnAccount.id).follow();
  const notification = await followNotification(quinn, pete);
  assert.ok(notification, "quinn is told that pete follows her");
  await quinn.client.v1.markers.create({ notifications: { lastReadId: notification.id } });
  const both = await quinn.client.v1.markers.fetch({ timeline: ["home", "notifications"] });
  assert.equal(both.home.lastReadId, second.id);
  assert.equal(both.notifications.lastReadId, notification.id);

  const others = await olga.client.v1.markers.fetch({ timeline: ["home"] });
  assert.equal(others.home, undefined, "another person's markers are their own");
  await refused(client().v1.markers.fetch({ timeline: ["home"] }), 401);
});

test("GET /api/v1/mutes lists the accounts muted, until unmuted", async () => {
  const peteAccount = await accountOf(nick, pete);
  await nick.client.v1.accounts.$select(peteAccount.id).follow();
  assert.ok(!ids(await nick.client.v1.mutes.list()).includes(peteAccount.id), "not muted yet");

  await nick.client.v1.accounts.$select(peteAccount.id).mute();
  const muted = await nick.client.v1.mutes.list();
  assert.ok(ids(muted).includes(peteAccount.id), "pete among nick's mutes");
  assert.equal(muted.find((account) => account.id === peteAccount.id).username, pete.username);
  assert.ok(!ids(await pete.client.v1.mutes.list()).includes(peteAccount.id), "nick's mutes are his own");

  await nick.client.v1.accounts.$select(peteAccount.id).unmute();
  assert.ok(!ids(await nick.client.v1.mutes.list()).includes(peteAccount.id), "unmuted");
  await refused(client().v1.mutes.list(), 401);
});

test("suggestions offer whom the people followed follow, never oneself or someone followed, until removed", async () => {
  const olgaAccount = await accountOf(nick, olga);
  const quinnAccount = await accountOf(olga, quinn);
  const nickAccount = await nick.client.v1.accounts.verifyCredentials();
  await nick.client.v1.accounts.$select(olgaAccount.id).follow();
  await olga.client.v1.accounts.$select(quinnAccount.id).follow();

  const suggestions = await nick.client.v2.suggestions.list({ limit: 40 });
  assert.ok(Array.isArray(suggestions));
  const accounts = suggestions.map((suggestion) => suggestion.account.id);
  assert.ok(accounts.includes(quinnAccount.id), "quinn, whom olga follows");
  assert.ok(!accounts.includes(nickAccount.id), "never nick himself");
  assert.ok(!accounts.includes(olgaAccount.id), "never someone nick follows");
  const quinnSuggested = suggestions.find((suggestion) => suggestion.account.id === quinnAccount.id);
  assert.equal(quinnSuggested.account.username, quinn.username);
  assert.ok(quinnSuggested.sources.includes("friends_of_friends"), `sources: ${quinnSuggested.sources}`);
  for (const suggestion of suggestions) {
    assert.ok(["staff", "past_interactions", "global"].includes(suggestion.source), `source: ${suggestion.source}`);
    assert.ok(Array.isArray(suggestion.sources) && suggestion.sources.length > 0);
  }

  const v1 = await nick.client.v1.suggestions.list();
  assert.ok(ids(v1).includes(quinnAccount.id), "v1 lists the accounts alone");

  await nick.client.v1.suggestions.$select(quinnAccount.id).remove();
  const after = await nick.client.v2.suggestions.list({ limit: 40 });
  assert.ok(!after.map((suggestion) => suggestion.account.id).includes(quinnAccount.id), "removed");
  await refused(client().v2.suggestions.list(), 401);
});
