# tmux helpers for the end-to-end scripts: a fresh server per program, its screen, and its bytes.
# Needs $work (a temporary directory) set by the caller.
run=0
socket="$work/tmux-0.sock"
tm() { tmux -S "$socket" -f /dev/null "$@"; }
trap 'for s in "$work"/tmux-*.sock; do tmux -S "$s" kill-server 2>/dev/null; done; rm -rf "$work"' EXIT

# Starts COMMAND in a fresh tmux server of WIDTHxHEIGHT, recording every byte it writes to
# $work/raw.bin; after it exits the pane shows "EXITED:<status>", the terminal modes and MODES-SHOWN.
term_start() {  # term_start WIDTH HEIGHT COMMAND
  tm kill-server 2>/dev/null
  run=$((run + 1))
  socket="$work/tmux-$run.sock"  # a fresh server each time: no race with the one just killed
  : >"$work/raw.bin"
  tm new-session -d -s t -x "$1" -y "$2" "$3; echo EXITED:\$?; stty -a; echo MODES-SHOWN; sleep 60"
  tm set-option -t t window-size manual >/dev/null
  tm pipe-pane -o -t t "cat >> $work/raw.bin"
}
screen() { tm capture-pane -p -t t; }
wait_for() {  # wait_for TEXT [SECONDS]: waits (default 5 s) until TEXT is on screen
  local tries=$((${2:-5} * 10))
  for _ in $(seq "$tries"); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  return 1
}
keys() { tm send-keys -t t "$@"; }
bytes() { stat -c %s "$work/raw.bin"; }
settle() {  # settle [BYTES]: waits (up to 10 s) for output beyond BYTES, then until it stops growing
  local last=-1
  for _ in $(seq 100); do
    (($(bytes) > ${1:-0})) && break
    sleep 0.1
  done
  while [[ $(bytes) != "$last" ]]; do
    last=$(bytes)
    sleep 0.3
  done
}
# The terminal is usable again after the program quit: exit status 0, cooked mode with echo.
clean_exit() {
  # `stty -a` prints after EXITED, so wait for the mark after it before reading the modes.
  if wait_for "EXITED:0" 10 && wait_for "MODES-SHOWN" 5 && screen | grep -qE '(^| )icanon( |$)' \
    && screen | grep -qE '(^| )echo( |$)'; then
    return 0
  fi
  echo "---- screen after q:" >&2
  screen | grep -v '^\s*$' | head -20 >&2
  return 1
}
