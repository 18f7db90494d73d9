-- wrk script of bench/run: prints one JSON line of the run's results when it is done; with the arguments
-- "unique PATH-PREFIX" every request is a new query (PATH-PREFIX followed by a number no other request uses), so that
-- no answer can come from a cache.
local counter = 0
local threads = {}
local mode, prefix

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  mode, prefix = args[1], args[2]
end

function request()
  if mode == "unique" then
    counter = counter + 1
    return wrk.format("GET", prefix .. tostring(1000000 + id * 10000000 + counter))
  end
  return wrk.request()
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"duration_us":%d,"socket_errors":%d,"non2xx":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
