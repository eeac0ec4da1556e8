#!/usr/bin/env bash
# Proves the README's two commands on a fresh Debian: debootstrap a minimal root, put this
# checkout's HEAD in it, and run build_scripts/run.sh then build_scripts/test.sh there as root.
#   bash build_scripts/try_fresh_root.sh bookworm /work/roots/bookworm   # Debian 12
#   bash build_scripts/try_fresh_root.sh trixie /work/roots/trixie       # Debian 13
# Run as root on a Debian-like host. The root is made once and kept (a second run reuses it and
# only lays the checkout anew; delete DIR for a fully fresh try). The package mirrors are this
# machine's own (its apt sources, apt.conf.d, pip and npm settings, CA certificates), read here
# at run time so that no host name is written down. Times of each command go to DIR/times.txt.
set -euo pipefail
dist=${1:?usage: try_fresh_root.sh DIST DIR}
root=${2:?usage: try_fresh_root.sh DIST DIR}
root=$(realpath -m "$root")
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf '[fresh-root %s] %s\n' "$dist" "$*"; }
die() { printf '[fresh-root %s] error: %s\n' "$dist" "$*" >&2; exit 1; }
[[ $EUID -eq 0 ]] || die "run as root (debootstrap, mount and chroot need it)"

# The first Debian and Debian-security URIs of this machine's apt sources (deb822 or one-line).
apt_uri() {  # $1: "debian" or "debian-security"
    local files=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources)
    cat "${files[@]}" 2>/dev/null | grep -v '^\s*#' \
        | grep -oE '(https?|file)://[^ ]+' | sed 's:/*$::' | grep -E "/$1\$" | head -n 1 || true
}
mirror=$(apt_uri debian)
security=$(apt_uri debian-security)
[[ -n "$mirror" ]] || die "no Debian mirror found in this machine's apt sources"

command -v debootstrap >/dev/null || {
    say "installing debootstrap"
    apt-get install -y -qq debootstrap >/dev/null
}

# ---- the root ----------------------------------------------------------------------------
if [[ ! -x "$root/usr/bin/apt-get" ]]; then
    say "debootstrap --variant=minbase $dist into $root"
    mkdir -p "$root"
    start=$SECONDS
    debootstrap --variant=minbase "$dist" "$root" "$mirror" >"$root.debootstrap.log" 2>&1 \
        || { tail -n 20 "$root.debootstrap.log" >&2; die "debootstrap failed"; }
    say "debootstrap took $((SECONDS - start)) s"
fi

# Registry settings: the same sources, apt options (e.g. a proxy), CA certificates (a mirror
# or proxy may present a certificate signed by a local CA), pip and npm configuration.
{
    echo "deb $mirror $dist main"
    echo "deb $mirror $dist-updates main"
    [[ -n "$security" ]] && echo "deb $security $dist-security main"
} >"$root/etc/apt/sources.list"
for conf in /etc/apt/apt.conf.d/*; do
    grep -qi 'acquire' "$conf" 2>/dev/null && cp "$conf" "$root/etc/apt/apt.conf.d/"
done
mkdir -p "$root/usr/local/share/ca-certificates" "$root/etc/ssl/certs" "$root/root/.config/pip"
cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/" 2>/dev/null || true
cp /etc/pip.conf "$root/etc/pip.conf" 2>/dev/null || true
cp ~/.config/pip/pip.conf "$root/root/.config/pip/" 2>/dev/null || true
cp ~/.npmrc "$root/root/.npmrc" 2>/dev/null || true
cp /etc/resolv.conf /etc/hosts "$root/etc/" 2>/dev/null || true
env_pass=()
while IFS= read -r line; do env_pass+=("$line"); done < <(env | grep -E '^(PIP_|NPM_CONFIG_|npm_config_|https?_proxy=|HTTPS?_PROXY=|no_proxy=|NO_PROXY=)' || true)

# The checkout: exactly what is committed (HEAD), nothing of this machine's work tree.
rm -rf "$root/root/suqing"
mkdir -p "$root/root/suqing"
git -C "$repo" archive HEAD | tar -x -C "$root/root/suqing"

# ---- mounts ------------------------------------------------------------------------------
mounted=()
bind() {  # $1: host path, $2: path in the root
    mkdir -p "$root$2"
    mount --rbind "$1" "$root$2"
    mount --make-rslave "$root$2"  # unmounting in the root must not unmount the host's
    mounted=("$root$2" "${mounted[@]}")
}
cleanup() {
    local m
    for m in "${mounted[@]}"; do umount -R "$m" 2>/dev/null || umount -lR "$m" || true; done
}
trap cleanup EXIT
bind /proc /proc
bind /dev /dev
bind /sys /sys
# Local wheel folders named by pip's settings (find-links, file:// indexes), read-only.
for top in $( (cat /etc/pip.conf ~/.config/pip/pip.conf 2>/dev/null; env | grep '^PIP_') \
    | grep -oE '(file://)?/opt/[^/ ]+' | sed 's#^file://##' | sort -u); do
    [[ -d "$top" ]] || continue
    bind "$top" "$top"
    mount -o remount,bind,ro "$root$top" 2>/dev/null || true
done

# ---- the README's two commands -----------------------------------------------------------
in_root() {
    chroot "$root" env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${env_pass[@]}" \
        bash -c "cd /root/suqing && $1"
}
times="$root/times.txt"
echo "$dist $(date -u +%FT%TZ) commit $(git -C "$repo" rev-parse --short HEAD)" >>"$times"
# No display in the root: run.sh renders every page into screenshots/ and must exit by itself.
start=$SECONDS
status=0
in_root "timeout 3600 bash build_scripts/run.sh" >"$root.run.log" 2>&1 || status=$?
echo "  run.sh: exit $status in $((SECONDS - start)) s" | tee -a "$times"
((status == 0)) || { tail -n 30 "$root.run.log" >&2; die "run.sh failed (log: $root.run.log)"; }
shots=$(find "$root/root/suqing/screenshots" -name '*.png' 2>/dev/null | wc -l)
echo "  screenshots: $shots PNG in $root/root/suqing/screenshots" | tee -a "$times"
((shots > 0)) || die "run.sh wrote no screenshot"

start=$SECONDS
status=0
in_root "bash build_scripts/test.sh -q -p no:cacheprovider" >"$root.test.log" 2>&1 || status=$?
echo "  test.sh: exit $status in $((SECONDS - start)) s: $(tail -n 1 "$root.test.log")" \
    | tee -a "$times"
((status == 0)) || { tail -n 30 "$root.test.log" >&2; die "test.sh failed (log: $root.test.log)"; }
say "both commands passed"
