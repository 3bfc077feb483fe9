-- wrk script: POST /persons with a fresh fictional person each time. Names are built from
-- syllables so that, as in a real register, most persons have names of their own (every new person
-- is matched against the register, and a register of one repeated name is the worst case).
local token = os.getenv("TAAWUN_TOKEN")
local counter = 0
local latin = {"ba", "ka", "ra", "mi", "lo", "su", "ta", "zi", "no", "de", "fa", "hu"}
local arabic = {"با", "كا", "را", "مي", "لو", "سو", "تا", "زي", "نو", "دي", "فا", "هو"}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

local function name(table, n)
  local out = ""
  for _ = 1, 3 do
    out = out .. table[(n % #table) + 1]
    n = math.floor(n / #table)
  end
  return out
end

request = function()
  counter = counter + 1
  local seed = counter * 7919 + math.random(0, 1000000)
  local family = seed % 1728
  local given = math.floor(seed / 1728) % 1728
  local body = string.format(
    '{"names":[{"full":"%s %s"},{"full":"%s %s"}],"birth_date":"19%02d","sex":"male","nationalities":["FR"]}',
    name(latin, given), name(latin, family), name(arabic, given), name(arabic, family), seed % 60 + 40)
  return wrk.format(nil, nil, nil, body)
end
