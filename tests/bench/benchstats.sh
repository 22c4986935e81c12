# The bench scripts' arithmetic, sourced by journal_bench.sh and desk_bench.sh (POSIX sh).

# min median max of the numbers on stdin (one a line), "%.Nf"-formatted.
stats() {
    sort -g | awk -v f="%.${1:-1}f" '{ a[NR] = $1 }
        END { if (NR == 0) { print "n/a n/a n/a"; exit }
              m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
              printf f " " f " " f "\n", a[1], m, a[NR] }'
}
median() { stats "${1:-1}" | awk '{ print $2 }'; }
# Pairwise ratios A/B of two files of numbers, one a line.
ratios() { paste "$1" "$2" | awk '{ printf "%.4f\n", $1 / $2 }'; }
