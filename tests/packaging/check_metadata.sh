#!/usr/bin/env bash
# Validates the Linux desktop integration files: desktop entry, AppStream metainfo, man pages.
# usage: check_metadata.sh SOURCE_LINUX_DIR BUILD_PACKAGING_DIR VERSION
set -euo pipefail
src=$1 built=$2 version=$3
id=io.flightdesk.FlightDesk
fail=0
step() { printf '\n== %s\n' "$*"; }
bad() { echo "FAIL: $*" >&2; fail=1; }

for tool in desktop-file-validate appstreamcli man; do
    if ! command -v "$tool" >/dev/null; then
        echo "FAIL: $tool is missing (run packaging/deps.sh)" >&2
        exit 1
    fi
done

step "desktop-file-validate $id.desktop"
desktop-file-validate "$src/$id.desktop" || bad "desktop-file-validate"
grep -qx 'Exec=flightdesk' "$src/$id.desktop" || bad "the main entry must start the app normally"
grep -qx 'Exec=flightdesk --demo' "$src/$id.desktop" || bad "the Demo mode action is missing"

step "appstreamcli validate --no-net $id.metainfo.xml"
appstreamcli validate --no-net "$src/$id.metainfo.xml" || bad "appstreamcli validate"
grep -q "<release version=\"$version\"" "$src/$id.metainfo.xml" ||
    bad "the metainfo has no <release version=\"$version\">"

step "changelog"
head -n1 "$src/changelog" | grep -q "^flightdesk ($version) " ||
    bad "packaging/linux/changelog does not start with an entry for $version"

step "man pages"
for page in flightdesk.1 flightdesk-sandbox.1; do
    [ -f "$built/$page" ] || { bad "$built/$page was not generated"; continue; }
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 \
        man --warnings -E UTF-8 -l -Tutf8 -Z "$built/$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || bad "$page: $warnings"
    grep -q "FlightDesk $version" "$built/$page" || bad "$page does not carry version $version"
    echo "$page: no warnings"
done

[ "$fail" -eq 0 ] && echo "metadata: all valid"
exit "$fail"
