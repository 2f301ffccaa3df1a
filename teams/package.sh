#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + icons at the zip root) for an Azure Bot's app id:
#   bash teams/package.sh 11111111-2222-3333-4444-555555555555   →   teams/lhlbot-teams.zip
set -euo pipefail
app_id="${1:?usage: bash teams/package.sh MICROSOFT_APP_ID}"
cd "$(dirname "$0")"
work=$(mktemp -d)
sed "s/{{MICROSOFT_APP_ID}}/${app_id}/g" manifest.json > "$work/manifest.json"
cp color.png outline.png "$work/"
rm -f lhlbot-teams.zip
python3 -c "import shutil,sys; shutil.make_archive('lhlbot-teams', 'zip', sys.argv[1])" "$work"
rm -rf "$work"
echo "teams/lhlbot-teams.zip"
