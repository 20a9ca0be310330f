#!/usr/bin/env bash
# Prints the path of a kube-apiserver 1.20.2 built from Debian's source package, building it first
# when the cache lacks it (no binary is packaged, and nothing else can be downloaded here).
# Needs: golang-go rsync golang-github-modern-go-reflect2-dev dpkg-dev (installed by .ci/run).
# Cold build about 6 minutes on 2 cores, 2 with a warm Go cache (~/.cache/go-build).
set -euo pipefail

version=1.20.2
cache="${CHIPBET_CACHE:-$HOME/.cache/chipbet}/kube-apiserver"
binary="$cache/kube-apiserver-$version"
if [ -x "$binary" ]; then
  echo "$binary"
  exit 0
fi

for tool in go rsync dpkg-source make; do
  command -v "$tool" >/dev/null || { echo "kube-apiserver.sh: $tool is missing" >&2; exit 1; }
done
reflect2=/usr/share/gocode/src/github.com/modern-go/reflect2
[ -d "$reflect2" ] || { echo "kube-apiserver.sh: $reflect2 is missing (golang-github-modern-go-reflect2-dev)" >&2; exit 1; }

mkdir -p "$cache"
work=$(mktemp -d "$cache/build.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A private apt configuration with the deb-src line: the machine's own sources stay as they are.
# The mirror is the one the machine's bookworm main entries already use.
mirror=$(apt-cache policy | awk '$3 == "bookworm/main" {print $2; exit}')
[ -n "$mirror" ] || { echo "kube-apiserver.sh: no Debian mirror in the apt sources" >&2; exit 1; }
apt_dir="$work/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial"
echo "deb-src $mirror bookworm main" > "$apt_dir/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
          -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache::Archives=$apt_dir/archives" -o "APT::Sandbox::User=root")
apt-get "${apt_opts[@]}" -qq update >&2
# bookworm's version reads 1.20.5+really1.20.2-…: the tree is 1.20.2.
debian_version=$(apt-cache "${apt_opts[@]}" showsrc kubernetes | awk '/^Version:/ {print $2; exit}')
case "$debian_version" in
  *"really$version"* | "$version"-*) ;;
  *) echo "kube-apiserver.sh: Debian's kubernetes source is $debian_version, not $version" >&2; exit 1 ;;
esac
(cd "$work" && apt-get "${apt_opts[@]}" -qq source "kubernetes=$debian_version" >&2)
src=$(find "$work" -maxdepth 1 -type d -name "kubernetes-*" | head -1)
[ -n "$src" ] || { echo "kube-apiserver.sh: apt-get source kubernetes gave no tree" >&2; exit 1; }

# reflect2 1.0.1, as vendored, panics under Go 1.19 when a custom resource is encoded; Debian's copy is fixed.
rm -rf "$src/vendor/github.com/modern-go/reflect2"
cp -r "$reflect2" "$src/vendor/github.com/modern-go/reflect2"
rm -f "$src/vendor/github.com/modern-go/reflect2/go.mod"

(cd "$src" && make WHAT=cmd/kube-apiserver >&2)
built=$(find "$src/_output" -type f -name kube-apiserver -perm -u+x | head -1)
[ -n "$built" ] || { echo "kube-apiserver.sh: the build produced no kube-apiserver" >&2; exit 1; }
cp "$built" "$binary.partial"
mv "$binary.partial" "$binary"
echo "$binary"
