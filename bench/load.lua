-- wrk script for every scenario, set through the environment:
--   BENCH_METHOD  GET (default), POST, PUT or PATCH
--   BENCH_PATH    the request path, or the prefix an id is appended to when BENCH_IDS is set
--   BENCH_IDS     a file of ids, one a line: each request picks one at random
--   BENCH_BODY    a JSON request body
--   BENCH_AUTH    an Authorization header value (the service's "Bearer <token>")
-- done() prints one line the bench reads:
--   RESULT <requests/s> <p50 ms> <p99 ms> <errors> <requests>
local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local body = os.getenv("BENCH_BODY")
local ids = {}

local file = os.getenv("BENCH_IDS")
if file and file ~= "" then
  for line in io.lines(file) do ids[#ids + 1] = line end
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
  if body then wrk.headers["Content-Type"] = "application/json" end
  local auth = os.getenv("BENCH_AUTH")
  if auth and auth ~= "" then wrk.headers["Authorization"] = auth end
end

function request()
  local target = path
  if #ids > 0 then target = path .. ids[math.random(#ids)] end
  return wrk.format(method, target, nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests))
end
