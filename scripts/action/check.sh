#!/usr/bin/env bash
# The check step of the GitHub Action (action.yml). Runs `postmortem check` three times over the
# same files: SARIF for code scanning, JSON for the pull request annotations, and the text
# report for the job's log. Writes `status` and `sarif-file` to $GITHUB_OUTPUT; the action's
# last step fails the job with that status, after the SARIF upload.
set -uo pipefail

read -r -a paths <<< "${POSTMORTEM_PATHS:-.}"
[ ${#paths[@]} -gt 0 ] || paths=(.)
limit=()
[ -n "${POSTMORTEM_MAX_WARNINGS:-}" ] && limit=(--max-warnings "$POSTMORTEM_MAX_WARNINGS")
out="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
sarif="$out/postmortem.sarif"
json="$out/postmortem.json"

postmortem check ${limit[@]+"${limit[@]}"} "${paths[@]}"
status=$?
if [ "$status" -le 1 ]; then
  postmortem check --format sarif "${paths[@]}" > "$sarif"
  postmortem check --format json "${paths[@]}" > "$json"
  node "$(dirname "$0")/annotations.mjs" "$json" "${POSTMORTEM_BASE_SHA:-}"
  echo "sarif-file=$sarif" >> "${GITHUB_OUTPUT:-/dev/null}"
fi
echo "status=$status" >> "${GITHUB_OUTPUT:-/dev/null}"
