#!/usr/bin/env bash
# A list keeper's pipeline, from the regulator's export to a published feed:
#   import (spreadsheets → CSV) → build (signed, with deltas from the published version) → verify → publish.
# .github/workflows/publish-feed.yml runs it on a schedule; tests/e2e/publish.e2e.test.ts runs
# it against a local static server and has the extension (Chromium and Firefox) sync from the result.
#
# Environment:
#   FEED_SOURCES     the spreadsheets (XLSX or CSV, UTF-8 or GBK), separated by spaces
#   FEED_LIST        the list they hold (abnormal-operation, serious-dishonest, …)
#   FEED_KEY_FILE    the publisher key (liangzhao feed keygen); keep it secret
#   FEED_PUBLIC_KEY  its public key (what clients are given); the build is verified with it
#   FEED_SITE        the published directory: the previous version is read from it, the new one added to it
#   FEED_NAME        the feed's name, shown to users
#   FEED_MAP, FEED_SOURCE_URL, FEED_AUTHORITY   optional, passed to `feed import` (--map, --source-url, --authority)
#   LIANGZHAO        how to run the command (default: npx liangzhao)
set -euo pipefail
: "${FEED_SOURCES:?}" "${FEED_LIST:?}" "${FEED_KEY_FILE:?}" "${FEED_PUBLIC_KEY:?}" "${FEED_SITE:?}" "${FEED_NAME:?}"
lz=(${LIANGZHAO:-npx liangzhao})
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

import_args=(--list "$FEED_LIST" --out "$work/list.csv")
[ -n "${FEED_MAP:-}" ] && import_args+=(--map "$FEED_MAP")
[ -n "${FEED_SOURCE_URL:-}" ] && import_args+=(--source-url "$FEED_SOURCE_URL")
[ -n "${FEED_AUTHORITY:-}" ] && import_args+=(--authority "$FEED_AUTHORITY")
# shellcheck disable=SC2086 # FEED_SOURCES is a list of files
"${lz[@]}" feed import $FEED_SOURCES "${import_args[@]}"

build_args=(--key "$FEED_KEY_FILE" --out "$work/feed" --blacklist "$work/list.csv" --name "$FEED_NAME")
# Build on the published version, so clients get a small delta instead of the whole list.
[ -f "$FEED_SITE/manifest.json" ] && build_args+=(--previous "$FEED_SITE")
"${lz[@]}" feed build "${build_args[@]}"
"${lz[@]}" feed verify "$work/feed" --pubkey "$FEED_PUBLIC_KEY"
"${lz[@]}" feed publish "$work/feed" --out "$FEED_SITE"
