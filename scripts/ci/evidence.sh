#!/usr/bin/env bash
# The evidence branch. What the hub posted and collected — content/evidence/: the syndication ledger
# and the engagement snapshots — is kept on a branch of its own, `evidence`, never on `main`. The
# person pushes to main, the publish workflow records to `evidence`, and neither ever refuses or
# overwrites the other. The branch holds the folder's files at its root; builds put them back into
# content/evidence/ (which main ignores). docs/evidence.md, "Where the evidence is kept", says why.
#
#   scripts/ci/evidence.sh checkout [--fetch]
#       Puts the branch's files, as last fetched (origin/evidence), into content/evidence/. With
#       --fetch, fetches the branch first. Without a branch, leaves content/evidence/ as it is (a hub
#       from before the branch keeps its folder until the first record). Refuses to replace a folder
#       that holds changes the branch does not have (a `./hub run syndicate` on this machine): record
#       them first. Output: base=<the commit put in place, empty when there is no branch>.
#   scripts/ci/evidence.sh changed
#       Whether content/evidence/ differs from what `checkout` put there. Output: changed=true|false.
#   scripts/ci/evidence.sh record <folder> [--base <commit>] [--message <text>]
#       Commits <folder> as the branch's new contents on top of <commit> (default: what `checkout`
#       last put in place), adds what reached the branch since, and pushes. A file changed both here
#       and on the branch since <commit> stops it with an error, and nothing is pushed.
#       Output: sha=<the commit pushed, empty when nothing changed>.
#
# Outputs go to $GITHUB_OUTPUT when it is set (GitHub Actions) and to standard output otherwise;
# messages go to standard error. Runs in the git repository of the current folder, with the remote
# `origin`. Only git runs here: the publish workflow's `record` job, the one that may push, runs this
# and nothing else of the project's.
set -euo pipefail

readonly REMOTE=origin
readonly BRANCH=evidence
readonly TRACKING="refs/remotes/$REMOTE/$BRANCH"
readonly FOLDER=content/evidence

say() { printf 'evidence: %s\n' "$*" >&2; }
die() { printf 'evidence: %s\n' "$*" >&2; exit 1; }
usage() {
  echo 'usage: scripts/ci/evidence.sh checkout [--fetch] | changed | record <folder> [--base <commit>] [--message <text>]' >&2
  exit 2
}

output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"; else printf '%s=%s\n' "$1" "$2"; fi
}

top="$(git rev-parse --show-toplevel 2>/dev/null)" || die "$(pwd): not in a git repository"
cd "$top"
git_dir="$(git rev-parse --absolute-git-dir)"
# What `checkout` last put in place (base commit and tree), kept in the repository's own .git folder.
readonly STATE="$git_dir/hub-evidence"
EMPTY_TREE="$(git hash-object -t tree /dev/null)"
readonly EMPTY_TREE

state() { if [ -f "$STATE" ]; then sed -n "s/^$1=//p" "$STATE"; fi; }
save_state() { printf 'base=%s\ntree=%s\n' "$1" "$2" > "$STATE.tmp" && mv "$STATE.tmp" "$STATE"; }

# The tree a folder's files would make, written to the object store; dot-files are left out (the
# `.…tmp` files a killed run leaves behind). An absent or empty folder is the empty tree.
folder_tree() {
  local folder="$1" index
  if [ ! -d "$folder" ] || [ -z "$(find "$folder" -type f ! -name '.*' -print -quit)" ]; then
    echo "$EMPTY_TREE"
    return
  fi
  index="$(mktemp)"
  rm -f "$index"
  (cd "$folder" && GIT_DIR="$git_dir" GIT_WORK_TREE=. GIT_INDEX_FILE="$index" git add --all --force -- . ':(exclude,glob)**/.*')
  GIT_INDEX_FILE="$index" git write-tree
  rm -f "$index"
}

# The branch's commit on origin now (fetched into origin/evidence), or nothing when there is no branch.
fetch_tip() {
  local status=0
  git ls-remote --exit-code --heads "$REMOTE" "$BRANCH" > /dev/null || status=$?
  case "$status" in
    0) git fetch --quiet --no-tags "$REMOTE" "+refs/heads/$BRANCH:$TRACKING" || die "could not fetch the $BRANCH branch from $REMOTE"
       git rev-parse "$TRACKING" ;;
    # --exit-code: 2 means the remote answered and has no such branch.
    2) git update-ref -d "$TRACKING" 2>/dev/null || true ;;
    *) die "could not reach $REMOTE to read the $BRANCH branch" ;;
  esac
}

checkout() {
  local fetch=false
  while [ "$#" -gt 0 ]; do
    case "$1" in
      --fetch) fetch=true ;;
      *) usage ;;
    esac
    shift
  done
  if [ "$fetch" = true ]; then fetch_tip > /dev/null; fi
  if [ -n "$(git ls-files -- "$FOLDER")" ]; then
    say "$FOLDER/ is tracked on this branch; the $BRANCH branch keeps it now, so stop tracking it: git rm -r --cached $FOLDER && git commit -m 'Evidence lives on its own branch'"
  fi

  local current base target
  current="$(folder_tree "$FOLDER")"
  base="$(git rev-parse -q --verify "$TRACKING^{commit}" || true)"
  if [ -z "$base" ]; then
    # No branch yet: whatever the folder holds (nothing, or a record committed to main before the
    # branch existed) is what the first `record` starts from.
    say "no $BRANCH branch yet: $FOLDER/ is left as it is"
    save_state '' "$current"
    output base ''
    return
  fi
  target="$(git rev-parse "$base^{tree}")"
  # Safe to replace: nothing there, what an earlier checkout put there, the branch's files already, or
  # the copy main tracks (from before the branch existed). Anything else is work the branch lacks.
  if [ "$current" != "$EMPTY_TREE" ] && [ "$current" != "$target" ] && [ "$current" != "$(state tree)" ] \
     && [ "$current" != "$(git rev-parse -q --verify "HEAD:$FOLDER" || true)" ]; then
    die "$FOLDER/ holds changes that are not on the $BRANCH branch (a syndicate or collect run on this machine?); push them with \`scripts/ci/evidence.sh record $FOLDER\`, or move the folder away, then run this again"
  fi
  if [ "$current" != "$target" ]; then
    # Built beside the folder and swapped in with two renames, so a build never sees half of it.
    mkdir -p "$(dirname "$FOLDER")"
    fresh="$(mktemp -d "$(dirname "$FOLDER")/.evidence-new.XXXXXX")"
    old="$(dirname "$FOLDER")/.evidence-old.$$"
    # However this ends, the folder is the old one or the new one, never neither.
    trap 'if [ ! -e "$FOLDER" ] && [ -e "$old" ]; then mv "$old" "$FOLDER"; fi; rm -rf "$fresh" "$old"' EXIT
    chmod 755 "$fresh"
    git archive --format=tar "$base" | tar -x -C "$fresh"
    if [ -e "$FOLDER" ]; then mv "$FOLDER" "$old"; fi
    mv "$fresh" "$FOLDER"
  fi
  save_state "$base" "$target"
  say "$FOLDER/ is the $BRANCH branch at ${base:0:12}"
  output base "$base"
}

changed() {
  [ "$#" -eq 0 ] || usage
  if [ "$(folder_tree "$FOLDER")" = "$(state tree)" ]; then
    say "$FOLDER/ is unchanged"
    output changed false
  else
    say "$FOLDER/ has changed"
    output changed true
  fi
}

record() {
  [ "$#" -ge 1 ] || usage
  local folder="$1" base message="Evidence"
  base="$(state base)"
  shift
  while [ "$#" -gt 0 ]; do
    case "$1" in
      --base) [ "$#" -ge 2 ] || usage; base="$2"; shift ;;
      --message) [ "$#" -ge 2 ] || usage; message="$2"; shift ;;
      *) usage ;;
    esac
    shift
  done
  [ -d "$folder" ] || die "$folder: no such folder"
  local tree
  tree="$(folder_tree "$folder")"
  [ "$tree" != "$EMPTY_TREE" ] || die "$folder: holds no files; refusing to record an empty ledger"

  local tip
  tip="$(fetch_tip)"
  if [ -n "$base" ]; then
    git cat-file -e "$base^{commit}" 2>/dev/null || die "$base: not a commit of the $BRANCH branch (was the branch rewritten?)"
    if [ "$tree" = "$(git rev-parse "$base^{tree}")" ]; then
      say "$folder is unchanged since ${base:0:12}: nothing to record"
      output sha ''
      return
    fi
  fi
  local ours
  ours="$(git commit-tree "$tree" ${base:+-p "$base"} -m "$message")"

  local attempt new
  for attempt in 1 2 3 4 5; do
    if [ -z "$tip" ] || [ "$tip" = "$base" ]; then
      new="$ours"
    else
      [ -n "$base" ] || die "$REMOTE has a $BRANCH branch that $folder did not start from; nothing was pushed. Pass --base <the branch's commit the folder started from>, or check it out first (scripts/ci/evidence.sh checkout --fetch)"
      git merge-base --is-ancestor "$base" "$tip" || die "the $BRANCH branch on $REMOTE no longer contains ${base:0:12} (was it rewritten?); nothing was pushed"
      # The branch moved on (another record, or a hand edit). Files changed on one side only are
      # combined; a file changed on both sides is never merged line by line — a merged ledger could
      # be valid JSON and still wrong — so it stops here.
      local both
      both="$(comm -12 <(git diff --no-renames --name-only "$base" "$tip" | sort) <(git diff --no-renames --name-only "$base" "$ours" | sort))"
      if [ -n "$both" ]; then
        die "changed both here and on the $BRANCH branch since ${base:0:12}: $(echo "$both" | paste -sd ' ' -); nothing was pushed. Merge them by hand on the branch"
      fi
      local merged
      merged="$(git merge-tree --write-tree "$tip" "$ours")" || die "could not combine $folder with the $BRANCH branch; nothing was pushed"
      if [ "$merged" = "$(git rev-parse "$tip^{tree}")" ]; then
        say "the $BRANCH branch already holds these changes"
        output sha ''
        return
      fi
      new="$(git commit-tree "$merged" -p "$tip" -m "$message")"
    fi
    if git push --quiet "$REMOTE" "$new:refs/heads/$BRANCH"; then
      git update-ref "$TRACKING" "$new"
      # This folder now stands for the pushed commit: `changed` says unchanged, and `checkout` may
      # replace it with the branch (which also holds what others recorded meanwhile).
      if [ "$(cd "$folder" && pwd -P)" = "$(cd "$FOLDER" 2>/dev/null && pwd -P || true)" ]; then save_state "$new" "$tree"; fi
      say "recorded ${new:0:12} on the $BRANCH branch"
      output sha "$new"
      return
    fi
    say "the $BRANCH branch moved on (attempt $attempt of 5); trying again on top of it"
    sleep "${EVIDENCE_RETRY_SECONDS:-$((attempt * 3))}"
    tip="$(fetch_tip)"
  done
  die "could not push to the $BRANCH branch of $REMOTE after 5 attempts"
}

[ "$#" -ge 1 ] || usage
command="$1"
shift
case "$command" in
  checkout) checkout "$@" ;;
  changed) changed "$@" ;;
  record) record "$@" ;;
  *) usage ;;
esac
