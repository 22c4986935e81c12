#!/usr/bin/env bash
# The .deb, for real: build it with cpack, lint it, `apt-get install` it, run the installed
# programs from a scratch HOME and working directory (no source tree, no build environment),
# then purge it and check that nothing of it is left outside the user's data.
# usage: install_deb.sh CPACK CPACK_CONFIG VERSION PASSENGERS_JSON
# Exit 0 pass, 1 fail, 77 skipped (not root). Everything it starts listens on 127.0.0.1 only
# (the embedded sandbox, flightdesk-sandbox, Xvfb without TCP), and it cleans up on any exit.
set -uo pipefail
cpack=$1 config=$2 version=$3 passengers=$4
pkg=flightdesk
id=io.flightdesk.FlightDesk

step() { printf '\n== %s\n' "$*"; }
die() {
    echo "FAIL: $*" >&2
    exit 1
}
show() { # a log file, indented, when there is something in it
    [ -s "$1" ] && sed 's/^/    /' "$1" >&2
    return 0
}

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: installing a .deb needs root (apt-get); CI runs as root." \
        "Run: sudo ctest -L packaging"
    exit 77
fi
for tool in apt-get dpkg dpkg-deb dpkg-query dpkg-shlibdeps lintian xvfb-run setsid timeout; do
    command -v "$tool" >/dev/null || die "$tool is missing: run packaging/deps.sh"
done
status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
if [ -n "$status" ] && [ "$status" != not-installed ]; then
    die "$pkg is already on this machine ($status); this test installs and purges it, so it" \
        "leaves yours alone: apt-get remove --purge $pkg, then run it again"
fi

work=$(mktemp -d /tmp/flightdesk-packaging.XXXXXX) || die "mktemp"
chmod 755 "$work" # apt's _apt user reads the .deb from here
installed=0
groups=() # process groups this script started (each with setsid)
cleanup() {
    local g
    cd /
    for g in "${groups[@]}"; do
        kill -TERM -- "-$g" 2>/dev/null
    done
    if [ ${#groups[@]} -gt 0 ]; then
        sleep 0.5
        for g in "${groups[@]}"; do
            kill -KILL -- "-$g" 2>/dev/null
        done
    fi
    if [ "$installed" = 1 ] && dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null |
        grep -qv '^not-installed$'; then
        echo "cleanup: purging $pkg" >&2
        DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq "$pkg" >/dev/null 2>&1
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# A scratch user: its own HOME, runtime dir and working directory, none inside the source tree.
home=$work/home run=$work/run
mkdir -p "$home" "$run" "$work/xdg-runtime"
chmod 700 "$work/xdg-runtime"
cp "$passengers" "$run/passengers.json"
# Every installed program runs with a bare environment: nothing from the build leaks in.
clean=(env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 XDG_RUNTIME_DIR="$work/xdg-runtime")

step "cpack -G DEB"
(cd "$work" && timeout 240 "$cpack" -G DEB --config "$config" -B "$work/out") \
    >"$work/cpack.log" 2>&1 || { show "$work/cpack.log"; die "cpack failed"; }
debs=("$work/out/${pkg}_"*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    die "expected one ${pkg}_*.deb, got: ${debs[*]}"
fi
deb=${debs[0]}
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

step "control fields"
dpkg-deb -f "$deb" Package Version Architecture Section Depends | tee "$work/control"
[ "$(dpkg-deb -f "$deb" Package)" = "$pkg" ] || die "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || die "version is not $version"
depends=$(dpkg-deb -f "$deb" Depends)
# The libraries prove dpkg-shlibdeps ran (Debian names libphonenumber8 by its protobuf ABI,
# hence the prefix); the two plugin packages are the hand-listed ones.
for dep in libc6 libqt6core6 libqt6sql6 'libphonenumber8[a-z0-9-]*' libqt6keychain1 \
    libqt6sql6-sqlite qt6-qpa-plugins; do
    grep -Eq "(^|, )$dep( |,|$)" <<<"$depends" || die "Depends lacks $dep"
done

step "contents (FHS)"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
grep -v '^/$' "$work/contents" | grep -v '^/usr/' && die "files outside /usr"
expected=(/usr/bin/flightdesk /usr/bin/flightdesk-sandbox
    "/usr/share/applications/$id.desktop" "/usr/share/metainfo/$id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$id.svg"
    /usr/share/man/man1/flightdesk.1.gz /usr/share/man/man1/flightdesk-sandbox.1.gz
    "/usr/share/doc/$pkg/copyright" "/usr/share/doc/$pkg/changelog.gz")
for size in 16 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x$size/apps/$id.png")
done
for f in "${expected[@]}"; do
    grep -qx "$f" "$work/contents" || die "the package lacks $f"
done
echo "${#expected[@]} expected files present, nothing outside /usr"

step "lintian"
timeout 180 lintian --fail-on error --display-info "$deb" >"$work/lintian.log" 2>&1
lintian_rc=$?
cat "$work/lintian.log"
echo "lintian: $(grep -c '^E:' "$work/lintian.log") errors," \
    "$(grep -c '^W:' "$work/lintian.log") warnings, $(grep -c '^I:' "$work/lintian.log") info"
[ "$lintian_rc" -eq 0 ] || die "lintian reports errors (exit $lintian_rc)"

step "apt-get install $(basename "$deb")"
installed=1
DEBIAN_FRONTEND=noninteractive timeout 180 apt-get install -y --no-install-recommends "$deb" \
    >"$work/apt-install.log" 2>&1 || { show "$work/apt-install.log"; die "apt-get install failed"; }
[ "$(dpkg-query -W -f='${db:Status-Status} ${Version}' "$pkg")" = "installed $version" ] ||
    die "dpkg does not report $pkg $version installed"
dpkg -L "$pkg" >"$work/owned"
while read -r path; do # remember what each path was, to check its removal later
    if [ -d "$path" ] && [ ! -L "$path" ]; then echo "d $path"; else echo "f $path"; fi
done <"$work/owned" >"$work/owned-kinds"
echo "installed: $(grep -c '^f' "$work/owned-kinds") files"

cd "$run" || die "cd $run"

step "flightdesk --version (installed)"
[ "$("${clean[@]}" sh -c 'command -v flightdesk')" = /usr/bin/flightdesk ] ||
    die "flightdesk is not /usr/bin/flightdesk on PATH"
got=$("${clean[@]}" timeout 20 flightdesk --version) || die "flightdesk --version failed"
echo "$got"
[ "$got" = "flightdesk $version" ] || die "expected 'flightdesk $version'"
got=$("${clean[@]}" timeout 20 flightdesk-sandbox --version) ||
    die "flightdesk-sandbox --version failed"
echo "$got"
[ "$got" = "flightdesk-sandbox $version" ] || die "expected 'flightdesk-sandbox $version'"

step "flightdesk checkout --demo (headless, from $run)"
"${clean[@]}" timeout 90 flightdesk checkout --demo --search LOS-LHR \
    --journal journal.sqlite --passengers passengers.json --timing-scale 0.01 \
    >"$work/checkout.out" 2>"$work/checkout.err"
rc=$?
tail -n 1 "$work/checkout.out"
[ "$rc" -eq 0 ] || { show "$work/checkout.out"; show "$work/checkout.err"; die "exit $rc, not 0"; }
tail -n 1 "$work/checkout.out" | grep -q '"outcome":"ticketed"' ||
    die "the last line is not ticketed"

step "flightdesk-sandbox --port 0"
# setsid: $! is then the process group to stop, whatever the program starts.
"${clean[@]}" setsid flightdesk-sandbox --port 0 >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox=$!
groups+=("$sandbox")
for _ in $(seq 100); do
    [ -s "$work/sandbox.out" ] && break
    sleep 0.1
done
url=$(head -n 1 "$work/sandbox.out")
echo "$url"
[[ $url =~ ^http://127\.0\.0\.1:([0-9]+)$ ]] || { show "$work/sandbox.err"; die "no loopback URL"; }
port=${BASH_REMATCH[1]}
exec 3<>"/dev/tcp/127.0.0.1/$port" || die "cannot connect to $url"
printf 'GET /v1/wallet HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n%s\r\n\r\n' \
    "$port" 'Authorization: Bearer tb_sandbox_demo' >&3
status_line=$(timeout 10 head -n 1 <&3 | tr -d '\r')
exec 3>&-
echo "GET /v1/wallet: $status_line"
[[ $status_line == "HTTP/1."?" 200"* ]] || die "the installed sandbox does not serve /v1/wallet"
kill -TERM -- "-$sandbox" 2>/dev/null
wait "$sandbox" 2>/dev/null
groups=() # stopped: cleanup must not signal a process group id that may be reused

step "xvfb-run flightdesk --demo (the window, 3 s)"
"${clean[@]}" setsid xvfb-run -a -e "$work/xvfb.err" flightdesk --demo \
    >"$work/gui.out" 2>"$work/gui.err" &
gui=$!
groups+=("$gui")
for _ in $(seq 30); do # still up after 3 s: it did not crash or give up at start-up
    sleep 0.1
    kill -0 "$gui" 2>/dev/null || {
        wait "$gui"
        rc=$?
        show "$work/gui.err"
        show "$work/xvfb.err"
        die "flightdesk --demo exited with $rc within 3 s"
    }
done
# Demo mode opens its journal (SQLite) under the scratch HOME as the window comes up.
journal=$home/.local/share/FlightDesk/FlightDesk/demo-journal.sqlite # AppDataLocation
for _ in $(seq 50); do
    [ -f "$journal" ] && break
    sleep 0.1
done
kill -0 "$gui" 2>/dev/null || { show "$work/gui.err"; die "flightdesk --demo died"; }
pgrep -g "$gui" -x flightdesk >/dev/null || die "no flightdesk process under xvfb-run"
[ -f "$journal" ] || { show "$work/gui.err"; die "no demo journal at $journal"; }
problems='could not (load|find)|driver not loaded|segmentation|abort|fatal'
if grep -Eiq "$problems" "$work/gui.err"; then
    show "$work/gui.err"
    die "the window reported a start-up problem"
fi
echo "still running after 3 s, demo journal open in the scratch HOME; stopping it"
kill -TERM -- "-$gui" 2>/dev/null
wait "$gui" 2>/dev/null
groups=()

step "apt-get remove --purge $pkg"
DEBIAN_FRONTEND=noninteractive timeout 120 apt-get remove --purge -y "$pkg" \
    >"$work/apt-remove.log" 2>&1 || { show "$work/apt-remove.log"; die "apt-get remove failed"; }
installed=0
dpkg -s "$pkg" >/dev/null 2>&1 && die "dpkg -s $pkg still finds it"
left=0
while read -r kind path; do
    [ -e "$path" ] || [ -L "$path" ] || continue
    # A directory may stay when another package owns it (/usr/share/applications, ...).
    [ "$kind" = d ] && dpkg-query -S "$path" >/dev/null 2>&1 && continue
    echo "left behind: $path" >&2
    left=1
done <"$work/owned-kinds"
[ "$left" -eq 0 ] || die "files of $pkg are left after purging it"
[ -f "$journal" ] || die "purging the package must not touch the user's data"
echo "purged: none of its $(wc -l <"$work/owned") paths is left; the user's journal is kept"

echo
echo "packaging: $(basename "$deb") builds, lints, installs, runs and purges cleanly"
