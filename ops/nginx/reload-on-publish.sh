#!/bin/sh
# Reloads nginx whenever the publishing service swaps in a new release (`current` points elsewhere),
# so that the generated _redirects.map (301s and 410s) is read again. Meant for the nginx image's
# /docker-entrypoint.d/, which runs it before nginx starts; the loop goes on in the background.
# Env: PLAINPAPER_SITE (default /data/site), PLAINPAPER_RELOAD_INTERVAL seconds (default 2).
# The loop ends when the site folder is gone.
site="${PLAINPAPER_SITE:-/data/site}"
interval="${PLAINPAPER_RELOAD_INTERVAL:-2}"
(
  last="$(readlink "$site/current" 2>/dev/null)"
  while sleep "$interval" && [ -d "$site" ]; do
    now="$(readlink "$site/current" 2>/dev/null)"
    if [ "$now" != "$last" ]; then
      nginx -t -q && nginx -s reload && last="$now"
    fi
  done
) &
