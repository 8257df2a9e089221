#!/usr/bin/env bash
# Installs the Debian packages behind the test suite's real services (PostgreSQL, Redis, and
# Chromium for the browser tests) when they are missing. The tests start their own instances on
# loopback ports in temp dirs; this script only makes sure the programs exist, with
# `apt-get install postgresql redis-server chromium` for whichever is missing. Runs before
# `npm test` (the `pretest` script).
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "test-services: ${need[*]} missing; run as root (or install them: apt-get install ${need[*]})" >&2
  exit 1
fi
echo "test-services: installing ${need[*]} from Debian" >&2
export DEBIAN_FRONTEND=noninteractive
# Serialised: two test runs on one machine must not fight over dpkg's lock.
exec 9>/tmp/parley-apt.lock
flock 9
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
