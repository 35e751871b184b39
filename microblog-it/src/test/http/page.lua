-- wrk script for home-timeline.sh: GET one page again and again and check every answer.
--
-- Environment (set by home-timeline.sh):
--   PAGE     the path to request, e.g. / or /user/user1
--   MARKER   text every good answer's body contains, e.g. id="signOut" (the sign-out form of a signed-in page)
--   COOKIES  optional: a file with one Cookie header value a line ("JSESSIONID=...; JSESSIONIDVERSION=..."),
--            one line per signed-in user; the requests take the users in turn. Without it: no cookies.
--
-- An answer counts as failed when its status is not 200 or its body lacks MARKER; requests that wrk gave up on
-- (socket errors, timeouts) count as failed too. Answers that set a cookie are counted separately. done() prints
-- a readable summary and one tab-separated line starting with "result" that home-timeline.sh turns into a
-- table row.
local page = os.getenv("PAGE") or "/"
local marker = assert(os.getenv("MARKER"), "MARKER is not set")
local cookies = {}
local cookie_file = os.getenv("COOKIES")
if cookie_file and #cookie_file > 0 then
    for line in io.lines(cookie_file) do
        if #line > 0 then cookies[#cookies + 1] = line end
    end
    assert(#cookies > 0, "no cookies in " .. cookie_file)
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
end

function request()
    local headers = { ["Accept"] = "text/html" }
    if #cookies > 0 then
        counter = counter + 1
        headers["Cookie"] = cookies[(counter % #cookies) + 1]
    end
    return wrk.format("GET", page, headers)
end

function response(status, headers, body)
    if status ~= 200 then
        not_200 = not_200 + 1
    elseif not (body and body:find(marker, 1, true)) then
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
    io.write(string.format("page %s, %s\n", page, #cookies > 0 and (#cookies .. " signed-in users") or "no cookies"))
    io.write(string.format("requests: %d, failed: %d (not 200: %d, 200 without %s: %d, socket errors/timeouts: %d)\n",
        summary.requests, failed, bad_status, marker, bad_body, socket))
    io.write(string.format("answers that set a cookie: %d\n", cookies_set))
    io.write(string.format("requests/s %.1f, latency median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
        rps, ms(50), ms(90), ms(99), latency.max / 1000))
    io.write(string.format("result\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d\t%d\n",
        rps, ms(50), ms(90), ms(99), latency.max / 1000, summary.requests, failed, cookies_set))
end
