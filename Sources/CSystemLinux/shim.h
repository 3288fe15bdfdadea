// Linux system headers that Swift's Glibc module does not export (measured with Swift 6.3.1 on Debian 12):
// epoll and eventfd for the HTTP server's event loop, TCP_NODELAY for its sockets. Headers only, no shim functions.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <netinet/tcp.h>
