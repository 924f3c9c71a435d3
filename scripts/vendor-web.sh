#!/usr/bin/env bash
# Refreshes web/vendor/ from the npm registry: the builds of GraphiQL and
# React (the playground) and of Cytoscape.js (the explorer) that the
# binary serves itself, so that a browser needs no CDN.
# The versions are pinned here; web/vendor/VERSIONS.md records each file
# with its package, version, license and SHA-256. Run it after changing a
# version, and commit web/vendor/.
set -euo pipefail
cd "$(dirname "$0")/.."

GRAPHIQL=4.1.2
REACT=18.3.1
CYTOSCAPE=3.35.0

out=web/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "graphiql@$GRAPHIQL" "react@$REACT" "react-dom@$REACT" "cytoscape@$CYTOSCAPE" >/dev/null)
for tgz in "$tmp"/*.tgz; do
  name=$(basename "$tgz" .tgz)
  mkdir -p "$tmp/$name" && tar xzf "$tgz" -C "$tmp/$name"
done

rm -rf "$out" && mkdir -p "$out"
# package, version, file in the package, file served
files=(
  "graphiql $GRAPHIQL graphiql.min.js graphiql.min.js"
  "graphiql $GRAPHIQL graphiql.min.css graphiql.min.css"
  "react $REACT umd/react.production.min.js react.production.min.js"
  "react-dom $REACT umd/react-dom.production.min.js react-dom.production.min.js"
  "cytoscape $CYTOSCAPE dist/cytoscape.min.js cytoscape.min.js"
)
{
  echo "# Vendored browser builds"
  echo
  echo "Written by scripts/vendor-web.sh from the npm registry; do not edit."
  echo
  echo "| file | package | version | license | SHA-256 |"
  echo "|---|---|---|---|---|"
} >"$out/VERSIONS.md"
for f in "${files[@]}"; do
  read -r pkg version from to <<<"$f"
  dir="$tmp/$pkg-$version/package"
  cp "$dir/$from" "$out/$to"
  cp "$dir/LICENSE" "$out/$pkg.LICENSE"
  license=$(node -p "require('$dir/package.json').license")
  sum=$(sha256sum "$out/$to" | cut -d' ' -f1)
  echo "| $to | $pkg | $version | $license ($pkg.LICENSE) | \`$sum\` |" >>"$out/VERSIONS.md"
done
echo "vendor-web: wrote $out (graphiql $GRAPHIQL, react $REACT, cytoscape $CYTOSCAPE)"
