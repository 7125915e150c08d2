-- wrk script for Tandem list pages.
--
-- Environment:
--   PAGE_PATH      request path; "{page}" is replaced by a random page number
--                  (default: /api/v1/services?page={page}&size=50)
--   PAGES          pages are drawn uniformly from [0, PAGES)   (default: 200)
--   TANDEM_TOKEN   if set, sends "Authorization: Bearer <token>"
--   TANDEM_COOKIE  if set, sends "Cookie: <value>" (e.g. JSESSIONID=...)
--
-- wrk itself only reports non-2xx/3xx answers; a page that redirects to /login
-- would look like a success. So every status other than 200 is counted here and
-- printed by done() as "Non-200 responses: N" together with a status histogram.

local page_path = os.getenv("PAGE_PATH") or "/api/v1/services?page={page}&size=50"
local pages = tonumber(os.getenv("PAGES") or "200") or 200
local token = os.getenv("TANDEM_TOKEN")
local cookie = os.getenv("TANDEM_COOKIE")

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  -- "id" was injected by setup(); each thread gets its own random sequence.
  math.randomseed(os.time() * 1000 + (id or 0))
  wrk.headers["Accept"] = page_path:find("^/api/") and "application/json" or "text/html"
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
  if cookie and cookie ~= "" then
    wrk.headers["Cookie"] = cookie
  end
  statuses = {}
  non200 = 0
end

function request()
  local page = math.random(0, pages - 1)
  local path = page_path:gsub("{page}", tostring(page))
  return wrk.format("GET", path)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= 200 then
    non200 = non200 + 1
  end
end

function done(summary, latency, requests)
  local total_non200 = 0
  local merged = {}
  for _, thread in ipairs(threads) do
    total_non200 = total_non200 + (thread:get("non200") or 0)
    local s = thread:get("statuses") or {}
    for code, n in pairs(s) do
      merged[code] = (merged[code] or 0) + n
    end
  end
  local parts = {}
  for code, n in pairs(merged) do
    table.insert(parts, tostring(code) .. "=" .. tostring(n))
  end
  table.sort(parts)
  io.write(string.format("Non-200 responses: %d\n", total_non200))
  io.write(string.format("Status counts: %s\n", table.concat(parts, " ")))
  io.write(string.format("Latency p50/p90/p99/max (us): %d %d %d %d\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
