#!/usr/bin/env bash
# End-to-end: `--help` and the common errors in Chinese when --lang zh or the locale says so, English
# otherwise; the exit statuses stay as they were.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# LC_ALL and LC_MESSAGES outrank LANG (scripts/test sets LC_ALL=C.UTF-8): each check below sets LANG only.
unset LC_ALL LC_MESSAGES
db="$work/j.sqlite"
"$bin" demo --preset jiaohe --db "$db" --anchor 2026-11-22T20:00:00+08:00 >/dev/null

check "LANG=zh: wangge --help is Chinese" bash -c "LANG=zh_CN.UTF-8 '$bin' --help | grep -q '概述：网格 Wangge — 社区网格防疫指挥看板'"
check "--lang zh: report --help is Chinese" bash -c "LANG=C '$bin' report --help --lang zh | grep -q '选项：'"
check "LANG=en: report --help stays English" bash -c "LANG=en_US.UTF-8 '$bin' report --help | grep -q 'OVERVIEW: Figures'"
check "LANG=zh: wangge help report is Chinese too" bash -c "LANG=zh_CN.UTF-8 '$bin' help report | grep -q '概述：某地各下级的数字及该地合计'"
check "LANG=en: wangge help report stays English" bash -c "LANG=en_US.UTF-8 '$bin' help report | grep -q 'OVERVIEW: Figures'"
out=$(LANG=zh_CN.UTF-8 "$bin" report --db "$db" --scope 不存在 2>&1); status=$?
check "an unknown place is said in Chinese" grep -q '没有地点“不存在”' <<<"$out"
check "… and exits 1" test "$status" = 1
out=$(LANG=zh_CN.UTF-8 "$bin" report --db "$work/none.sqlite" 2>&1)
check "a missing store is said in Chinese" grep -q '这里没有存储' <<<"$out"
out=$(LANG=zh_CN.UTF-8 "$bin" report --db "$db" --at yesterday 2>&1); status=$?
check "a bad option value is said in Chinese" grep -q '“yesterday”不是 --at <at> 的有效值' <<<"$out"
check "… and exits 64 (usage)" test "$status" = 64
out=$(LANG=en_US.UTF-8 "$bin" report --db "$db" --scope 不存在 2>&1)
check "English locale: the error stays English" grep -q 'unknown place' <<<"$out"
# The later commands' option descriptions are Chinese too, not only the headings.
check "help incident file: options in Chinese" bash -c "LANG=zh_CN.UTF-8 '$bin' help incident file | grep -qF '发生时间（ISO 8601）。'"
check "bulletin --help --lang zh: the week option in Chinese" bash -c "LANG=C '$bin' bulletin --help --lang zh | grep -qF 'ISO 周，例如 2026-W48'"
check "help duty checkin: --out in Chinese" bash -c "LANG=zh_CN.UTF-8 '$bin' help duty checkin | grep -qF '改为签退。'"
check "help order open: the household option in Chinese" bash -c "LANG=zh_CN.UTF-8 '$bin' help order open | grep -qF '住户编号。'"
check "LANG=en: help incident file stays English" bash -c "LANG=en_US.UTF-8 '$bin' help incident file | grep -qF 'When it happened (ISO 8601).'"
# Every option of every subcommand of these commands has a Chinese description (a CJK character in it).
every_option_chinese() {
  python3 - "$bin" <<'PY'
import os, re, subprocess, sys
bin = sys.argv[1]
env = dict(os.environ, LANG="zh_CN.UTF-8")
def help(words):
    return subprocess.run([bin, "help", *words], capture_output=True, text=True, env=env).stdout
bad = []
def walk(words):
    text = help(words)
    subs = re.findall(r"^  ([a-z][a-z-]*) ", text.split("子命令：")[1], re.M) if "子命令：" in text else []
    if "选项：" in text:
        for line in text.split("选项：")[1].split("子命令：")[0].splitlines():
            m = re.match(r"^  (-\S.*?)\s{2,}(.*)$", line)
            if m and not re.search(r"[\u4e00-\u9fff]", m.group(2)):
                bad.append(" ".join(words) + ": " + line.strip())
    for sub in subs:
        if sub != "help":
            walk(words + [sub])
for c in "order green isolation incident spotcheck brief bulletin baseline decision duty volunteer census".split():
    walk([c])
print("\n".join(bad[:20]))
sys.exit(1 if bad else 0)
PY
}
check "every option of order|green|isolation|incident|spotcheck|brief|bulletin|baseline|decision|duty|volunteer|census is Chinese" every_option_chinese
finish
