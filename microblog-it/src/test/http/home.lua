-- wrk script: GET the home page as many different signed-in users, one session cookie per request in turn.
-- The cookies come from the file named by the environment variable COOKIES (one "JSESSIONID=..." a line),
-- written by home-timeline.sh. Responses other than 200 are counted and printed at the end, so that a
-- run whose sessions expired (redirects to the sign-in page) cannot pass for a fast one.
local cookies = {}
for line in io.lines(os.getenv("COOKIES")) do
    if #line > 0 then cookies[#cookies + 1] = line end
end
assert(#cookies > 0, "no session cookies in " .. os.getenv("COOKIES"))

local counter = 0
local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    counter = id * 7919
    not_ok = 0
end

function request()
    counter = counter + 1
    local cookie = cookies[(counter % #cookies) + 1]
    return wrk.format("GET", "/", { ["Cookie"] = cookie, ["Accept"] = "text/html" })
end

function response(status, headers, body)
    if status ~= 200 then not_ok = not_ok + 1 end
end

function done(summary, latency, requests)
    local bad = 0
    for _, t in ipairs(threads) do bad = bad + t:get("not_ok") end
    io.write(string.format("signed-in users: %d\n", #cookies))
    io.write(string.format("requests: %d, non-200 responses: %d\n", summary.requests, bad))
    io.write(string.format("latency median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
    io.write(string.format("requests/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
end
