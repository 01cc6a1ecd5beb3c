#!/usr/bin/env bash
# Installs what `npm run test:wordpress` needs, from Debian's packages, and nothing else:
# MariaDB and the PHP extensions WordPress uses (apt-get, as root or through sudo), and
# the .deb files of WordPress itself, which are only downloaded and later unpacked with
# `dpkg-deb -x` into a temporary directory per run (installing the `wordpress` package
# would pull in and start Apache). Two WordPress versions are tested:
#   - trixie's (6.8), the main target, fetched with a private apt configuration that
#     knows only trixie's `wordpress*` packages (the system's sources are not touched,
#     so nothing else can come from trixie);
#   - bookworm's (6.1), the oldest the plugin supports, from the system's own sources.
# The .deb files are kept in $CLAIMCARD_WP_CACHE (default node_modules/.cache/claimcard-wordpress
# in the repository); a second run downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/../../../.."

cache="${CLAIMCARD_WP_CACHE:-$PWD/node_modules/.cache/claimcard-wordpress}"
export DEBIAN_FRONTEND=noninteractive
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "install.sh: needs root for: $*" >&2; exit 1; fi; }

# System packages: the database, PHP's extensions, and the libraries Debian's WordPress
# links to instead of shipping (underscore, lodash, cropper, getID3).
packages=(mariadb-server php-cli php-mysql php-xml php-mbstring php-curl php-gd php-intl
  libjs-underscore libjs-lodash libjs-cropper php-getid3 chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install.sh: apt-get install ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# fetch DIR APT-OPTIONS… -- PACKAGES…: downloads the packages' .deb files into DIR.
fetch() {
  local dir="$1"; shift
  local opts=()
  while [ "$1" != "--" ]; do opts+=("$1"); shift; done; shift
  mkdir -p "$dir"
  local need=()
  for p in "$@"; do compgen -G "$dir/${p}_*.deb" >/dev/null || need+=("$p"); done
  [ ${#need[@]} -eq 0 ] && return 0
  (cd "$dir" && apt-get "${opts[@]}" -o APT::Sandbox::User="$(id -un)" download "${need[@]}" >/dev/null)
}

# Bookworm's 6.1: the system's apt lists (update them if apt knows no wordpress yet).
if ! apt-cache show wordpress >/dev/null 2>&1; then as_root apt-get update -qq; fi
fetch "$cache/bookworm" -- wordpress wordpress-theme-twentytwentyone wordpress-theme-twentytwentythree

# Trixie's 6.8: a private sources list, lists and cache, and no preferences.
trixie="$cache/apt-trixie"
mkdir -p "$trixie/lists/partial" "$trixie/archives/partial"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" >"$trixie/sources.list"
apt_trixie=(-o Dir::Etc::SourceList="$trixie/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o Dir::State::Lists="$trixie/lists" -o Dir::Cache="$trixie" -o Dir::Cache::Archives="$trixie/archives"
  -o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts=/dev/null)
if ! compgen -G "$cache/trixie/wordpress_*.deb" >/dev/null || ! compgen -G "$cache/trixie/wordpress-theme-twentytwentyfive_*.deb" >/dev/null; then
  apt-get "${apt_trixie[@]}" -o APT::Sandbox::User="$(id -un)" update -qq
fi
fetch "$cache/trixie" "${apt_trixie[@]}" -- wordpress wordpress-theme-twentytwentyfive

echo "install.sh: ready in $cache: $(cd "$cache" && ls */*.deb | tr '\n' ' ')" >&2
