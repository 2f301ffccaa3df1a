#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + icons at the zip root) for an Azure Bot's app id and the host the
# bot is served on (the status tab at https://HOST/status signs in with Teams SSO against api://HOST/APP-ID):
#   bash teams/package.sh 11111111-2222-3333-4444-555555555555 lhlbot.example.no   →   teams/lhlbot-teams.zip
set -euo pipefail
app_id="${1:?usage: bash teams/package.sh MICROSOFT_APP_ID BOT_HOST}"
bot_host="${2:?usage: bash teams/package.sh MICROSOFT_APP_ID BOT_HOST (e.g. lhlbot.example.no)}"
cd "$(dirname "$0")"
work=$(mktemp -d)
sed -e "s/{{MICROSOFT_APP_ID}}/${app_id}/g" -e "s/{{BOT_HOST}}/${bot_host}/g" manifest.json > "$work/manifest.json"
cp color.png outline.png "$work/"
rm -f lhlbot-teams.zip
python3 -c "import shutil,sys; shutil.make_archive('lhlbot-teams', 'zip', sys.argv[1])" "$work"
rm -rf "$work"
echo "teams/lhlbot-teams.zip"
