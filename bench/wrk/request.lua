-- One request shape for every wrk measurement of the benchmark, configured by environment:
--   TOKEN        the bearer token (required)
--   WRK_METHOD   GET (default) or POST
--   WRK_BODY     the JSON body of a POST
-- The path comes from wrk's URL. done() prints one machine-readable line, RESULT ...,
-- which run.sh turns into its summary table; wrk's own report (with --latency) is kept as is.

local token = os.getenv("TOKEN")
if token == nil or token == "" then
  error("TOKEN is not set")
end

wrk.method = os.getenv("WRK_METHOD") or "GET"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"
local body = os.getenv("WRK_BODY")
if body ~= nil and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
