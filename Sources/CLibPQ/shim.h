#ifndef WANGGE_CLIBPQ_SHIM_H
#define WANGGE_CLIBPQ_SHIM_H
/* libpq, PostgreSQL's own C client (Debian libpq-dev, pkg-config libpq), and poll() to wait on its
   socket for notifications. */
#include <libpq-fe.h>
#include <poll.h>

/* Waits up to `timeout_ms` for `fd` to become readable: 1 readable, 0 timed out, -1 error (errno). */
static inline int wangge_pq_wait_readable(int fd, int timeout_ms) {
  struct pollfd p;
  p.fd = fd;
  p.events = POLLIN;
  p.revents = 0;
  return poll(&p, 1, timeout_ms);
}

/* A notice processor that drops server notices ("relation already exists, skipping"), which libpq
   would otherwise print to stderr over the board. */
static inline void wangge_pq_quiet_notice(void *arg, const char *message) {
  (void)arg;
  (void)message;
}
static inline void wangge_pq_silence_notices(PGconn *conn) {
  PQsetNoticeProcessor(conn, wangge_pq_quiet_notice, 0);
}
#endif
