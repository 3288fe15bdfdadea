// Linux system headers that Swift's Glibc module does not export (measured with Swift 6.3.1 on Debian 12):
// epoll and eventfd for the HTTP server's event loop, TCP_NODELAY for its sockets, and the thread-name calls
// glibc declares only under _GNU_SOURCE (so the event loops show by name in top -H and perf). No shim functions.
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <netinet/tcp.h>

int pthread_setname_np(pthread_t thread, const char *name);
int pthread_getname_np(pthread_t thread, char *name, size_t length);
