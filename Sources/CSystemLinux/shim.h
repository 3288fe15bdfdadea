// Linux system headers that Swift's Glibc module does not export (measured with Swift 6.3.1 on Debian 12):
// epoll and eventfd for the HTTP server's event loop, TCP_NODELAY for its sockets, and the calls glibc
// declares only under _GNU_SOURCE: thread names (so the event loops show by name in top -H and perf), and for
// spawning Apertium chains pipe2 (close-on-exec from the start) and closing every inherited descriptor in the
// child (glibc 2.34+). No shim functions.
#include <pthread.h>
#include <spawn.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <netinet/tcp.h>

int pthread_setname_np(pthread_t thread, const char *name);
int pthread_getname_np(pthread_t thread, char *name, size_t length);
int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
int pipe2(int fds[2], int flags);
