#ifndef CCHILDSPAWN_H
#define CCHILDSPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` (both NULL-terminated) as a child tied to the calling
/// thread's life, and returns its process ID, or -errno when it could not start (exec failures
/// included).
///
/// Between fork and exec the child: makes `stdinFD`, `stdoutFD`, `stderrFD` (descriptors of 3 and up,
/// or -1 to keep a stream) its standard streams,
/// closes every other descriptor, leads a process group of its own, moves to `directory` (unless
/// NULL), clears its signal mask and
/// dispositions, and on Linux asks for `deathSignal` (PR_SET_PDEATHSIG) when the thread that forked
/// it ends; if the parent is already gone by then, it exits at once instead of running unwatched.
/// Only async-signal-safe calls run in the child, since the parent has other threads.
pid_t chorus_spawn_tethered(const char *path, char *const argv[], char *const envp[], const char *directory,
                            int stdinFD, int stdoutFD, int stderrFD, int deathSignal);

#endif
