#!/bin/sh
# Put Gazette Reader (政府公报阅读器) in the current user's applications menu.
# Run it from the unpacked gazette-reader folder:   sh install-desktop-entry.sh
# No root needed; nothing is copied but the icon and the menu entry.  To undo:
#   sh install-desktop-entry.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor"

if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/gazette-reader.desktop" "$icons/256x256/apps/gazette-reader.png" \
        "$icons/512x512/apps/gazette-reader.png" "$icons/scalable/apps/gazette-reader.svg"
  echo "removed the menu entry of Gazette Reader"
  exit 0
fi

[ -x "$here/gazette-reader" ] || { echo "install-desktop-entry.sh: no gazette-reader program in $here" >&2; exit 1; }
res="$here/_internal/resources/icons"
mkdir -p "$apps" "$icons/256x256/apps" "$icons/512x512/apps" "$icons/scalable/apps"
cp "$res/gazette-reader.png" "$icons/256x256/apps/gazette-reader.png"
cp "$res/gazette-reader-512.png" "$icons/512x512/apps/gazette-reader.png"
cp "$res/gazette-reader.svg" "$icons/scalable/apps/gazette-reader.svg"
# Exec/TryExec point at this folder.  Exec quotes the path (it may hold spaces); the few characters
# that would need escaping inside the quotes as well are refused rather than half-handled.
case "$here" in
  *[\"\`\$\\]*) echo "install-desktop-entry.sh: move the folder to a path without \" \` \$ or \\ first" >&2; exit 1 ;;
esac
prog=$(printf '%s' "$here/gazette-reader" | sed 's/[|&]/\\&/g')   # safe inside the sed replacement
sed -e "s|^Exec=.*|Exec=\"$prog\"|" -e "s|^TryExec=.*|TryExec=$prog|" \
    "$here/gazette-reader.desktop" > "$apps/gazette-reader.desktop.tmp"
mv "$apps/gazette-reader.desktop.tmp" "$apps/gazette-reader.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
echo "added Gazette Reader (政府公报阅读器) to the applications menu: $apps/gazette-reader.desktop"
