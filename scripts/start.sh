#!/usr/bin/env bash
# `npm start`: the production server (scripts/server/index.mjs: `next start`'s handler behind an admission queue), with
# the memory settings it is measured with
# (`npm run bench -- storage`; the journeys and benchmarks start it through this file too). Arguments as `next start`'s.
# - V8's young generation is capped at 4 MB semi-spaces (the default grows to 16 MB each): a request's garbage is
#   collected sooner instead of the server growing by ~25 MB under its first burst of requests. 2 MB spent ~11.5% of
#   an API search's server CPU collecting garbage, 4 MB ~9.4%; 6 MB and 8 MB took the storage bench's peak to 143-149 MB
#   (target 150), 4 MB to 131 (2 MB: 128).
# - glibc hands large blocks back to the system when they are freed (a fixed mmap threshold): every password check
#   allocates argon2's 19 MiB, which would otherwise stay in a worker thread's arena for the life of the server.
# Both can be overridden from the environment.
set -euo pipefail
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"
export NODE_OPTIONS="--max-semi-space-size=4 ${NODE_OPTIONS:-}"
exec node "$(dirname "$0")/server/index.mjs" "$@"
