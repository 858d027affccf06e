#!/usr/bin/env bash
# `npm start`: the production server, `next start`, with the memory settings it is measured with
# (`npm run bench -- storage`; the journeys and benchmarks start it through this file too). Arguments go to `next start`.
# - V8's young generation is capped at 2 MB semi-spaces (the default grows to 16 MB each): a request's garbage is
#   collected sooner instead of the server growing by ~25 MB under its first burst of requests.
# - glibc hands large blocks back to the system when they are freed (a fixed mmap threshold): every password check
#   allocates argon2's 19 MiB, which would otherwise stay in a worker thread's arena for the life of the server.
# Both can be overridden from the environment.
set -euo pipefail
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"
export NODE_OPTIONS="--max-semi-space-size=2 ${NODE_OPTIONS:-}"
exec node "$(dirname "$0")/../node_modules/next/dist/bin/next" start "$@"
