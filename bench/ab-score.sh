#!/usr/bin/env bash
# Scoring speed of this tree against another checkout, alternated in the same minutes (the machine is shared, so
# only figures taken side by side compare):
#
#   bench/ab-score.sh OTHER_DIR [ROUNDS=5] [extra bench-score.ts args]
#
# OTHER_DIR is a checkout of the commit to compare with (e.g. `git archive e45f894 | tar -x -C /tmp/base` plus a
# node_modules symlink). Each round runs scripts/bench-score.ts once here and once there, the order swapped every
# round (so a load that rises or falls during the runs favours neither side); prints every run's median items/s (wall
# and CPU time), then the median over rounds of each and the median of the rounds' CPU-time ratios, with the load
# average before and after.
set -euo pipefail
other=${1:?usage: bench/ab-score.sh OTHER_DIR [ROUNDS] [args]}
rounds=${2:-5}
shift $(( $# >= 2 ? 2 : 1 ))
here=$(pwd)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -a hw hc ow oc
for ((r = 1; r <= rounds; r++)); do
  sides="here other"; (( r % 2 == 0 )) && sides="other here"
  for side in $sides; do
    dir=$here; [[ $side == other ]] && dir=$other
    line=$(cd "$dir" && npx tsx scripts/bench-score.ts "$@")
    wall=$(sed -E 's/.*passes, median ([0-9]+) items.*/\1/' <<<"$line")
    cpu=$(sed -E 's/.*by CPU time median ([0-9]+) items.*/\1/' <<<"$line")
    echo "round $r $side: wall $wall cpu $cpu"
    if [[ $side == here ]]; then hw+=("$wall"); hc+=("$cpu"); else ow+=("$wall"); oc+=("$cpu"); fi
  done
done
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
ratios=(); for ((k = 0; k < rounds; k++)); do ratios+=("$(awk -v a="${hc[$k]}" -v b="${oc[$k]}" 'BEGIN { printf "%.3f", a / b }')"); done
echo "median over $rounds rounds: this tree wall $(med "${hw[@]}") cpu $(med "${hc[@]}"); $other wall $(med "${ow[@]}") cpu $(med "${oc[@]}") items/s"
echo "CPU-time ratio (this tree / other) per round: ${ratios[*]}; median $(med "${ratios[@]}")"
