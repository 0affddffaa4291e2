#!/usr/bin/env bash
# The man page and the completions list exactly the commands and flags that --help lists,
# and the bash completion completes them.
# Usage: docs_test.sh SPECC DOCS_DIR
set -euo pipefail
specc=$1
docs=$2
fail=0

# Flags in a --help text: every `-x` or `--name` at the start of an option line.
help_flags() { grep -oE '^ +(-[A-Za-z]|--[a-z][a-z-]*)(, *--[a-z][a-z-]*)?' | grep -oE -- '-{1,2}[A-Za-z][a-z-]*' | sort -u; }
# Flags in a part of the man page source: `\fB\-\-name\fR` or `\fB\-C\fR`.
man_flags() { grep -oE '\\fB(\\-)+[A-Za-z][a-z\\-]*\\fR' | sed -e 's/\\fB//; s/\\fR//; s/\\-/-/g' | sort -u; }
# The man page section of one command: from its .SS line to the next .SS or .SH.
man_section() { awk -v want=".SS \"specc $1\"" '$0 == want {on = 1; next} on && /^\.S[SH]/ {exit} on' "$docs/specc.1"; }
same() {
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1 differ"; diff <(echo "$2") <(echo "$3") || true; fail=1
  fi
}

commands=$("$specc" --help | awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1}' | sort)
[ -n "$commands" ] || { echo "FAIL: specc --help lists no commands"; exit 1; }
man_commands=$(grep -oE '^\.SS "specc [a-z-]+"' "$docs/specc.1" | sed -e 's/^.SS "specc //; s/"$//' | sort)
same "commands of --help and of the man page" "$commands" "$man_commands"

global_help=$("$specc" --help | awk '/^Subcommands:/ {exit} {print}' | help_flags)
global_man=$(awk '/^\.SH OPTIONS/ {on = 1; next} on && /^\.SH/ {exit} on' "$docs/specc.1" | man_flags)
same "global flags of --help and of the man page" "$global_help" "$global_man"

for c in $commands; do
  same "flags of specc $c --help and of the man page" "$("$specc" "$c" --help | help_flags)" "$(man_section "$c" | man_flags)"
  zsh_flags=$(awk -v want="    $c)" '$0 == want {on = 1; next} on && /;;/ {exit} on' "$docs/_specc" | grep -oE "'-{1,2}[A-Za-z][a-z-]*\[" | tr -d "'[" | grep -vx -- '-C' | sort -u)
  same "flags of specc $c --help and of the zsh completion" "$("$specc" "$c" --help | help_flags)" "$zsh_flags"
done

# man itself reads the page without a warning.
if command -v man >/dev/null; then
  warnings=$(MANWIDTH=80 man --warnings -l "$docs/specc.1" 2>&1 >/dev/null || true)
  [ -z "$warnings" ] || { echo "FAIL: man warns: $warnings"; fail=1; }
fi

# The bash completion, driven as bash drives it.
bash -n "$docs/specc.bash"
complete_line() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _specc; printf "%s\n" "${COMPREPLY[@]}"' _ "$docs/specc.bash" "$@"
}
got=$(complete_line specc ch | sort | tr '\n' ' ')
[ "$got" = "check " ] || { echo "FAIL: 'specc ch<TAB>' completes to '$got'"; fail=1; }
got=$(complete_line specc -C repo check --st | tr '\n' ' ')
[ "$got" = "--staged " ] || { echo "FAIL: 'specc -C repo check --st<TAB>' completes to '$got'"; fail=1; }
got=$(complete_line specc apply --d | sort | tr '\n' ' ')
[ "$got" = "--diff --dry-run " ] || { echo "FAIL: 'specc apply --d<TAB>' completes to '$got'"; fail=1; }
for c in $commands; do
  want=$("$specc" "$c" --help | help_flags | tr '\n' ' ')
  got=$(complete_line specc "$c" - | grep -vx -- '-C' | sort -u | tr '\n' ' ')
  [ "$got" = "$want" ] || { echo "FAIL: 'specc $c -<TAB>' completes to '$got', --help lists '$want'"; fail=1; }
done

[ $fail -eq 0 ] && echo "ok: the man page and the completions list what --help lists ($(echo $commands | wc -w) commands)"
exit $fail
