#!/usr/bin/env bash
# Draws build/appicon.png (1024x1024): a ship's wheel on a rounded blue square.
# Needs ImageMagick 6; called by hand (`bash scripts/appicon.sh`), the PNG is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/appicon.png}
gold="#f5c542"
# Spokes and handles every 45 degrees, offset so none is vertical.
geom=$(awk 'BEGIN {
  c = 512; pi = atan2(0, -1)
  for (i = 0; i < 8; i++) {
    a = (i * 45 + 22.5) * pi / 180
    s = s sprintf(" line %.1f,%.1f %.1f,%.1f", c + 60*cos(a), c + 60*sin(a), c + 365*cos(a), c + 365*sin(a))
    hx = c + 395*cos(a); hy = c + 395*sin(a)
    h = h sprintf(" circle %.1f,%.1f %.1f,%.1f", hx, hy, hx + 40, hy)
  }
  print s "|" h
}')
spokes=${geom%%|*}
handles=${geom#*|}
draw="fill none stroke '$gold' stroke-width 44 circle 512,512 512,232
stroke-width 34 stroke-linecap round $spokes
stroke none fill '$gold' $handles circle 512,512 512,420
fill '#14365c' circle 512,512 512,468"
mkdir -p "$(dirname "$out")"
/usr/bin/convert -size 1024x1024 gradient:'#2a6fb0-#0d2a4a' \
  \( -size 1024x1024 xc:black -fill white -draw "roundrectangle 32,32 991,991 200,200" \) \
  -alpha off -compose CopyOpacity -composite -compose Over \
  -draw "$draw" -strip "PNG32:$out"
echo "wrote $out"
