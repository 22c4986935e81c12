// benchrun OUT [VAR=VALUE...] PROGRAM [ARGS...]: runs PROGRAM once (with those variables set in
// its environment, as env(1) would, without a process in between) and appends one line to OUT:
//   "wall_ms=<ms> user_ms=<ms> sys_ms=<ms> maxrss_kb=<kB> exit=<code>"
// (wall time from fork to exit; CPU and peak RSS from wait4's rusage of that child alone).
// Just before exec it sets FIRSTFRAME_T0_NS (CLOCK_MONOTONIC), which the first-frame shim
// reads. PROGRAM's own stdout and stderr pass through. The exit status is PROGRAM's.
// A tiny C++ runner rather than /usr/bin/time or a shell's `date`: it adds no process of its
// own between the two clock readings and needs no extra package.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

namespace {

double nowMs() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double ms(const timeval &t) {
    return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3;
}

} // namespace

int main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: benchrun OUT [VAR=VALUE...] PROGRAM [ARGS...]\n");
        return 2;
    }
    int program = 2;
    while (program < argc && argv[program][0] != '/' && std::strchr(argv[program], '='))
        ++program;
    if (program == argc) {
        std::fprintf(stderr, "benchrun: no PROGRAM\n");
        return 2;
    }
    const double start = nowMs();
    const pid_t child = fork();
    if (child < 0) {
        std::perror("benchrun: fork");
        return 2;
    }
    if (child == 0) {
        for (int i = 2; i < program; ++i)
            putenv(argv[i]);
        timespec t{};
        clock_gettime(CLOCK_MONOTONIC, &t);
        const std::string t0 = std::to_string(t.tv_sec * 1000000000LL + t.tv_nsec);
        setenv("FIRSTFRAME_T0_NS", t0.c_str(), 1);
        execvp(argv[program], argv + program);
        std::fprintf(stderr, "benchrun: %s: %s\n", argv[program], std::strerror(errno));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            std::perror("benchrun: wait4");
            return 2;
        }
    }
    const double wall = nowMs() - start;
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    FILE *out = std::fopen(argv[1], "a");
    if (!out) {
        std::perror("benchrun: OUT");
        return 2;
    }
    std::fprintf(out, "wall_ms=%.1f user_ms=%.1f sys_ms=%.1f maxrss_kb=%ld exit=%d\n", wall,
                 ms(usage.ru_utime), ms(usage.ru_stime), usage.ru_maxrss, code);
    std::fclose(out);
    return code;
}
