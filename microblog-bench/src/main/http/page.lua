-- wrk script for home-timeline.sh: GET one page again and again and check every answer.
--
-- Environment (set by home-timeline.sh):
--   PAGE     the path to request, e.g. / or /user/user1; "older" takes each user's own "Older posts" path
--   MARKER   text every good answer's body contains, e.g. id="signOut" (the sign-out form of a signed-in page)
--   USERS    optional: a file with one signed-in user a line, tab-separated: user name, the path of their home
--            page's "Older posts" link (or -), and the Cookie header their sign-in left ("JSESSIONID=..."). The
--            requests take the users in turn, and a good answer must also have the menu's profile link of the
--            very user whose cookie was sent. Without it: no cookies.
--   API      optional, with USERS: the client API. Each line is then the user name, the id of the newest post on
--            their signed-in home page and their Authorization header ("Bearer ..."), which the requests send
--            instead of a cookie; a good answer is JSON whose first status is that very post: the first status
--            address in it ("url" and "uri", which end in #post-N) is that post's.
--
-- home-timeline.sh runs wrk with one connection per thread: a thread then sends a request and reads its answer
-- before it sends the next, so response() knows whose cookie the answer is for.
--
-- An answer counts as failed when its status is not 200 or its body lacks MARKER (or the user's menu link);
-- requests that wrk gave up on (socket errors, timeouts) count as failed too. Answers that set a cookie are
-- counted separately. done() prints a readable summary and one tab-separated line starting with "result" that
-- home-timeline.sh turns into a table row.
local page = os.getenv("PAGE") or "/"
local marker = assert(os.getenv("MARKER"), "MARKER is not set")
local users = {}
local api = os.getenv("API") == "1"
local users_file = os.getenv("USERS")
if users_file and #users_file > 0 then
    for line in io.lines(users_file) do
        local name, older, cookie = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
        if api then
            users[#users + 1] = { path = page, headers = { ["Accept"] = "application/json", ["Authorization"] = cookie },
                                  menu = '#post-' .. older .. '"', first_of = '#post-' }
        elseif name and (page ~= "older" or older ~= "-") then
            users[#users + 1] = { path = page == "older" and older or page,
                                  headers = { ["Accept"] = "text/html", ["Cookie"] = cookie },
                                  menu = 'id="nav-profile" href="/user/' .. name .. '"' }
        end
    end
    assert(#users > 0, "no users in " .. users_file .. " for " .. page)
end

local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    counter = id * 7919
    not_200 = 0
    no_marker = 0
    set_cookie = 0
    sent = nil
end

function request()
    if #users == 0 then
        return wrk.format("GET", page, { ["Accept"] = "text/html" })
    end
    counter = counter + 1
    sent = users[(counter % #users) + 1]
    return wrk.format("GET", sent.path, sent.headers)
end

-- Whether a 200's body is the page asked for: it has MARKER and, for a user, their menu link (or, from the API, their
-- newest post first).
local function good(body)
    if not (body and body:find(marker, 1, true)) then
        return false
    end
    if sent == nil then
        return true
    end
    local at = body:find(sent.menu, 1, true)
    return at ~= nil and (sent.first_of == nil or at == body:find(sent.first_of, 1, true))
end

function response(status, headers, body)
    if status ~= 200 then
        not_200 = not_200 + 1
    elseif not good(body) then
        no_marker = no_marker + 1
    end
    for name, _ in pairs(headers) do
        if name:lower() == "set-cookie" then
            set_cookie = set_cookie + 1
            break
        end
    end
end

function done(summary, latency, requests)
    local bad_status, bad_body, cookies_set = 0, 0, 0
    for _, t in ipairs(threads) do
        bad_status = bad_status + t:get("not_200")
        bad_body = bad_body + t:get("no_marker")
        cookies_set = cookies_set + t:get("set_cookie")
    end
    local e = summary.errors
    local socket = e.connect + e.read + e.write + e.timeout
    local failed = bad_status + bad_body + socket
    local rps = summary.requests / (summary.duration / 1e6)
    local ms = function(p) return latency:percentile(p) / 1000 end
    io.write(string.format("page %s, %s\n", page, #users > 0 and (#users .. " signed-in users") or "no cookies"))
    io.write(string.format("requests: %d, failed: %d (not 200: %d, 200 without %s%s: %d, socket errors/timeouts: %d)\n",
        summary.requests, failed, bad_status, marker, #users > 0 and " or the user's menu link" or "", bad_body, socket))
    io.write(string.format("answers that set a cookie: %d\n", cookies_set))
    io.write(string.format("requests/s %.1f, latency median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
        rps, ms(50), ms(90), ms(99), latency.max / 1000))
    io.write(string.format("result\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d\t%d\n",
        rps, ms(50), ms(90), ms(99), latency.max / 1000, summary.requests, failed, cookies_set))
end
