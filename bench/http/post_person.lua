-- wrk script: POST /persons with a fresh fictional person each time.
local token = os.getenv("TAAWUN_TOKEN")
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

request = function()
  counter = counter + 1
  local body = string.format(
    '{"names":[{"full":"Samir Fictif-%d"},{"full":"سمير فكتيف"}],"birth_date":"1990-05","sex":"male","nationalities":["FR"]}',
    counter)
  return wrk.format(nil, nil, nil, body)
end
