#!/usr/bin/env bash
# Prints the path of the services' base image, a docker-archive tar (what jib reads with tar://),
# building it with mmdebstrap from Debian packages when the cache lacks it or this script changed.
# No image registry is reachable here, so the base is made, not pulled. About 1 minute.
# Needs: mmdebstrap (installed by .ci/run), root.
set -euo pipefail

cache="${CHIPBET_CACHE:-$HOME/.cache/chipbet}/base-image"
image="$cache/chipbet-base-bookworm-jre17.tar"
stamp="$cache/chipbet-base-bookworm-jre17.recipe"
recipe=$(sha256sum "$0" | cut -d' ' -f1)
if [ -f "$image" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$recipe" ]; then
  echo "$image"
  exit 0
fi
command -v mmdebstrap >/dev/null || { echo "base-image.sh: mmdebstrap is missing" >&2; exit 1; }

# The uid and gid the services run as; the manifests' runAsUser must match (ImageTest checks it).
uid=10001
mkdir -p "$cache"
work=$(mktemp -d "$cache/build.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The mirror is the one the machine's apt sources already use.
mirror=$(apt-cache policy | awk '$3 == "bookworm/main" {print $2; exit}')
security=$(apt-cache policy | awk '$3 == "bookworm-security/main" {print $2; exit}')
sources=("deb $mirror bookworm main" "deb $mirror bookworm-updates main")
[ -n "$security" ] && sources+=("deb $security bookworm-security main")

# minbase + the JRE; documentation dropped except licences (the JRE's alternatives still want man1); one unprivileged user; no apt lists.
# SOURCE_DATE_EPOCH makes the same package set give the same tar.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1704067200} mmdebstrap --quiet --variant=minbase --format=tar \
  --include=openjdk-17-jre-headless,ca-certificates,tzdata \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --essential-hook='mkdir -p "$1"/usr/share/man/man1' \
  --customize-hook="chroot \"\$1\" groupadd --gid $uid chipbet" \
  --customize-hook="chroot \"\$1\" useradd --uid $uid --gid $uid --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin chipbet" \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
  bookworm "$work/layer.tar" "${sources[@]}" >&2

# docker-archive layout: one layer, its config, a manifest.
layer_sha=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
mkdir "$work/archive" "$work/archive/$layer_sha"
mv "$work/layer.tar" "$work/archive/$layer_sha/layer.tar"
tar -tf "$work/archive/$layer_sha/layer.tar" > "$work/files"
java_home=$(grep -m1 -oE '^\./usr/lib/jvm/java-17-openjdk-[a-z0-9]+/' "$work/files" | sed 's|^\.||; s|/$||')
[ -n "$java_home" ] || { echo "base-image.sh: no JRE in the image" >&2; exit 1; }
cat > "$work/archive/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"],
           "User":"$uid:$uid","WorkingDir":"/"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"mmdebstrap --variant=minbase bookworm + openjdk-17-jre-headless (deploy/kubernetes/tools/base-image.sh)"}]}
JSON
config_sha=$(sha256sum "$work/archive/config.json" | cut -d' ' -f1)
mv "$work/archive/config.json" "$work/archive/$config_sha.json"
echo "[{\"Config\":\"$config_sha.json\",\"RepoTags\":[\"chipbet/base:bookworm-jre17\"],\"Layers\":[\"$layer_sha/layer.tar\"]}]" \
  > "$work/archive/manifest.json"
tar -C "$work/archive" -cf "$image.partial" manifest.json "$config_sha.json" "$layer_sha"
mv "$image.partial" "$image"
echo "$recipe" > "$stamp"
echo "$image"
