#!/usr/bin/env bash
# The README's walkthrough against the sample host running as a real process: the original question's sequence.
# Prints one "ok"/"FAIL" line per check and, last, "N passed, N failed" for .ci/run to add up.
#
# On SQLite by default, as the README runs it; on PostgreSQL when WALKTHROUGH_POSTGRES holds a server's connection
# string without a database (the walkthrough creates one of its own, as the host does when it is missing).
set -uo pipefail
cd "$(dirname "$0")/.."

# The README's port when it is free, otherwise the next free one: never talk to someone else's server.
port="${WALKTHROUGH_PORT:-5080}"
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
token="walkthrough-$RANDOM$RANDOM"
root="http://127.0.0.1:$port"
base="$root/scim/v2/organizations/demo"
work="$(mktemp -d)"
passed=0
failed=0

check() { # check NAME CONDITION...
    local name="$1"; shift
    if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}

if ! command -v curl >/dev/null 2>&1; then
    (apt-get update -qq && apt-get install -y -qq curl) >/dev/null 2>&1 || { echo "FAIL curl is not available"; echo "0 passed, 1 failed"; exit 1; }
fi

if [ -n "${WALKTHROUGH_POSTGRES:-}" ]; then
    engine="PostgreSQL"
    connection="$WALKTHROUGH_POSTGRES;Database=walkthrough_$RANDOM$RANDOM"
else
    engine="Sqlite"
    connection="Data Source=$work/walkthrough.db"
fi
echo "walkthrough on $engine"

# A start the host cannot make is one line on standard error and exit code 1, never a stack trace.
Storage__Provider=Oracle dotnet run -c Release --no-build --project src/MembershipStates.SampleHost -- --urls "$root" >"$work/refused.log" 2>&1
code=$?
check "an unknown Storage:Provider stops the host with exit code 1" test "$code" = 1
check "... and says so in one line" test "$(grep -c . "$work/refused.log")" = 1
check "... that names the providers there are" grep -q "'Sqlite'.*'PostgreSQL'" "$work/refused.log"

Organizations__demo__Token="$token" Storage__Provider="$engine" ConnectionStrings__Membership="$connection" \
    dotnet run -c Release --no-build --project src/MembershipStates.SampleHost -- --urls "$root" >"$work/host.log" 2>&1 &
host=$!
stop() { kill -TERM "$host" 2>/dev/null; wait "$host" 2>/dev/null; }
trap stop EXIT

for _ in $(seq 1 120); do
    curl -fsS "$root/healthz" >/dev/null 2>&1 && break
    kill -0 "$host" 2>/dev/null || break
    sleep 1
done
check "the host process is running" kill -0 "$host"
check "the host answers /healthz" curl -fsS "$root/healthz" -o /dev/null
check "the host prints its SCIM base URL" grep -q "$base" "$work/host.log"
check "the host starts without a warning or an error" bash -c "! grep -qE '^(warn|fail|crit): |Exception' '$work/host.log'"

scim() { # scim METHOD PATH [BODY] -> body in $work/body, status in $status
    local method="$1" path="$2" body="${3:-}"
    status=$(curl -sS -o "$work/body" -w '%{http_code}' -X "$method" "$base$path" \
        -H "Authorization: Bearer $token" -H "Content-Type: application/scim+json" ${body:+--data "$body"})
}
has() { grep -q -- "$1" "$work/body"; }

# 1. Okta provisions a user.
scim POST /Users '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Jane.Doe@Example.com","name":{"givenName":"Jane","familyName":"Doe"},"emails":[{"primary":true,"value":"Jane.Doe@Example.com","type":"work"}],"active":true}'
check "POST /Users answers 201" test "$status" = 201
id=$(grep -o '"id":"[^"]*"' "$work/body" | head -1 | cut -d'"' -f4)
check "the new user has an id" test -n "$id"

# 2. Okta deactivates it.
scim PATCH "/Users/$id" '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}'
check "Okta's deactivate PATCH answers 200" test "$status" = 200
check "the PATCH answer says active:false" has '"active":false'

# 3. Okta checks that the user still exists: 200 with active:false, not 404.
scim GET "/Users/$id"
check "GET the deactivated user answers 200" test "$status" = 200
check "GET the deactivated user says active:false" has '"active":false'

# 4. Okta's re-assignment lookup still finds it, in any case.
scim GET '/Users?filter=userName%20eq%20%22JANE.DOE@example.com%22&startIndex=1&count=100'
check "the userName filter answers 200" test "$status" = 200
check "the userName filter finds the inactive user" has '"totalResults":1'
check "the filter returns the same id" has "\"id\":\"$id\""

# 5. Okta reactivates it: the same id, active:true.
scim PATCH "/Users/$id" '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":true}}]}'
check "Okta's reactivate PATCH answers 200" test "$status" = 200
scim GET "/Users/$id"
check "GET after reactivation answers 200 with the same id" has "\"id\":\"$id\""
check "GET after reactivation says active:true" has '"active":true'

# 6. A wrong token is a SCIM error, not data.
status=$(curl -sS -o "$work/body" -w '%{http_code}' "$base/Users/$id" -H "Authorization: Bearer non-token")
check "a wrong token answers 401 with a SCIM error" test "$status" = 401
check "the 401 body has status \"401\"" has '"status":"401"'

stop
trap - EXIT
if [ "$failed" -gt 0 ]; then sed 's/^/host: /' "$work/host.log" | tail -40; fi
echo "$passed passed, $failed failed"
