-- wrk script for the overload scenario: as many threads as connections (wrk -tN -cN), so in each thread a
-- request and its answer pair up and every answer's latency is known with its status. wrk's own latency
-- figures mix the quick refusals with the accepted writes; the scenario needs the two apart.
--   BENCH_PATH, BENCH_BODY, BENCH_AUTH   as for load.lua (always a POST)
--   BENCH_RETRY_AFTER                    "obey" (default): after a 503 a connection waits as its Retry-After
--                                        says, as a well-behaved client does; "ignore": it asks again at once
-- done() prints one line the bench reads:
--   SHED <answers/s> <accepted/s> <refused %> <accepted p50 ms> <accepted p99 ms> <refused p99 ms> <other> <answers>
-- "refused" is 503 (the store's write queue full); "other" is any other status, or a socket error.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *time);
]]
local clock = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local path = os.getenv("BENCH_PATH") or "/"
local obey = (os.getenv("BENCH_RETRY_AFTER") or "obey") == "obey"
local body = os.getenv("BENCH_BODY")
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  wrk.headers["Content-Type"] = "application/json"
  local auth = os.getenv("BENCH_AUTH")
  if auth and auth ~= "" then wrk.headers["Authorization"] = auth end
  accepted, refused, other, sent, wait = {}, {}, 0, 0, 0
end

function delay()
  local ms = wait
  wait = 0
  return ms
end

function request()
  sent = now_us()
  return wrk.format("POST", path, nil, body)
end

function response(status, headers, answer)
  local took = (now_us() - sent) / 1000
  if status == 201 then accepted[#accepted + 1] = took
  elseif status == 503 then
    refused[#refused + 1] = took
    if obey then wait = 1000 * (tonumber(headers["Retry-After"]) or 0) end
  else other = other + 1 end
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  return sorted[math.max(1, math.ceil(#sorted * p / 100))]
end

function done(summary, latency, requests)
  local all_accepted, all_refused, all_other = {}, {}, 0
  for _, thread in ipairs(threads) do
    for _, took in ipairs(thread:get("accepted")) do all_accepted[#all_accepted + 1] = took end
    for _, took in ipairs(thread:get("refused")) do all_refused[#all_refused + 1] = took end
    all_other = all_other + thread:get("other")
  end
  table.sort(all_accepted)
  table.sort(all_refused)
  local e = summary.errors
  all_other = all_other + e.connect + e.read + e.write + e.timeout
  local answers = #all_accepted + #all_refused + all_other
  local seconds = summary.duration / 1e6
  io.write(string.format("SHED %.1f %.1f %.2f %.2f %.2f %.2f %d %d\n",
    answers / seconds, #all_accepted / seconds, answers > 0 and 100 * #all_refused / answers or 0,
    percentile(all_accepted, 50), percentile(all_accepted, 99), percentile(all_refused, 99), all_other, answers))
end
