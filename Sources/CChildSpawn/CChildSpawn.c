#define _GNU_SOURCE
#include "CChildSpawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

/// Closes descriptors `from`…`to` (inclusive) in the child: close_range where the kernel has it,
/// else one by one up to the descriptor limit.
static void close_between(int from, int to) {
    if (from > to) return;
#if defined(__linux__) && defined(SYS_close_range)
    if (syscall(SYS_close_range, (unsigned)from, (unsigned)to, 0) == 0) return;
#endif
    struct rlimit limit;
    int last = to;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && (rlim_t)last >= limit.rlim_cur)
        last = (int)limit.rlim_cur - 1;
    if (last > 65535) last = 65535;
    for (int fd = from; fd <= last; fd++) close(fd);
}

/// In the child: report `error` to the parent through `report` and exit.
static void fail(int report, int error) {
    ssize_t ignored = write(report, &error, sizeof error);
    (void)ignored;
    _exit(127);
}

pid_t chorus_spawn_tethered(const char *path, char *const argv[], char *const envp[], const char *directory,
                            int stdinFD, int stdoutFD, int stderrFD, int deathSignal) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return -errno;
    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0) {
        int error = errno;
        close(report[0]);
        close(report[1]);
        return -error;
    }
    if (child == 0) {
        close(report[0]);
#ifdef __linux__
        if (deathSignal > 0) {
            if (prctl(PR_SET_PDEATHSIG, deathSignal) != 0) fail(report[1], errno);
            // The parent may have died before the request took effect: then nothing would ever signal.
            if (getppid() != parent) _exit(127);
        }
#else
        (void)deathSignal;
        (void)parent;
#endif
        if (setpgid(0, 0) != 0) fail(report[1], errno);
        if (directory != NULL && chdir(directory) != 0) fail(report[1], errno);
        // Sources are descriptors of 3 and up (or a stream's own number, kept, or -1, left as it is).
        int streams[3] = {stdinFD, stdoutFD, stderrFD};
        for (int target = 0; target < 3; target++) {
            if (streams[target] < 0) continue;
            if (streams[target] == target) {
                int flags = fcntl(target, F_GETFD);
                if (flags >= 0) fcntl(target, F_SETFD, flags & ~FD_CLOEXEC);
            } else if (dup2(streams[target], target) < 0) {
                fail(report[1], errno);
            }
        }
        if (report[1] > 3) close_between(3, report[1] - 1);
        close_between(report[1] + 1, 0x7fffffff);
        sigset_t empty;
        sigemptyset(&empty);
        sigprocmask(SIG_SETMASK, &empty, NULL);
        struct sigaction standard;
        standard.sa_handler = SIG_DFL;
        standard.sa_flags = 0;
        sigemptyset(&standard.sa_mask);
        for (int number = 1; number < NSIG; number++) {
            if (number != SIGKILL && number != SIGSTOP) sigaction(number, &standard, NULL);
        }
        execve(path, argv, envp);
        fail(report[1], errno);
    }
    close(report[1]);
    int error = 0;
    ssize_t count;
    do {
        count = read(report[0], &error, sizeof error);
    } while (count < 0 && errno == EINTR);
    close(report[0]);
    if (count == (ssize_t)sizeof error) {
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
        return -error;
    }
    return child;
}
