-- wrk script: GET /persons?name= with names taken in turn from the file TAAWUN_NAMES (one per
-- line, URL-encoded), as the register search of a prosecutor with a stated purpose.
local token = os.getenv("TAAWUN_TOKEN")
local names = {}
for line in io.lines(os.getenv("TAAWUN_NAMES")) do names[#names + 1] = line end
local counter = 0
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["X-Purpose"] = "benchmark"

request = function()
  counter = counter + 1
  local name = names[(counter * 7919) % #names + 1]
  return wrk.format("GET", "/api/v1/persons?limit=20&name=" .. name)
end
