# Sourced by the benchmark scripts: bench_token BASE USERNAME PASSWORD prints a session token for a
# demo account, enrolling its second factor first (demo accounts are not enrolled; until they are,
# every call but enrolment answers 403). The TOTP code (RFC 6238: HMAC-SHA-1, 30 s, 6 digits) is
# computed with Python's standard library, as an authenticator app would.
bench_token() {
  local base=$1 username=$2 password=$3 token secret code
  token=$(curl -sf -X POST "$base/session" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$username\",\"password\":\"$password\"}" | jq -r .token)
  secret=$(curl -sf -X POST "$base/session/factor" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{}' | jq -r .secret)
  code=$(python3 -c '
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
offset = digest[-1] & 15
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7fffffff) % 1000000))
' "$secret")
  curl -sf -X POST "$base/session/factor/confirm" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" >/dev/null
  echo "$token"
}
