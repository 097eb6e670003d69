/*
 * stub-server.c: a loopback stub of an OpenAI-compatible HTTP/1.1 server, for
 * benchmarks of HTTP model clients (scripts/bench/sample). Not a test fixture.
 *
 *   cc -O2 -Wall -Wextra -o stub-server stub-server.c
 *   stub-server [--port P]        P = 0 (the default) picks a free port
 *
 * Listens on 127.0.0.1 only and prints `LISTENING http://127.0.0.1:PORT` on
 * stdout (flushed) once it accepts connections. Every request is answered at
 * once, with no model behind it:
 *   POST /v1/chat/completions  200, a fixed chat.completion body
 *   POST /v1/completions       200, a fixed text_completion body
 *   GET  /health               200 {"status":"ok"}
 *   anything else              404
 * The query string, if any, is ignored. Bodies are read by Content-Length (a
 * chunked request body is accepted too) and discarded.
 *
 * One thread, Linux epoll, non-blocking sockets. Connections are kept alive
 * (HTTP/1.1 default; HTTP/1.0 only with `Connection: keep-alive`), pipelined
 * requests are answered in order, and a request split across reads is
 * completed by later reads. SIGTERM or SIGINT stops it cleanly (exit 0).
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_HEADER_BYTES (64 * 1024)        /* request line + headers */
#define MAX_BODY_BYTES (64 * 1024 * 1024)   /* one request body */
#define OUT_HIGH_WATER (4 * 1024 * 1024)    /* stop reading while this much is unsent */
#define READ_CHUNK (64 * 1024)

static const char CHAT_BODY[] =
    "{\"id\":\"stub\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"stub\","
    "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
    "\"content\":\"The answer is \\\\boxed{42}.\"},\"finish_reason\":\"stop\"}],"
    "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":8,\"total_tokens\":20}}";

static const char COMPLETION_BODY[] =
    "{\"id\":\"stub\",\"object\":\"text_completion\",\"created\":0,\"model\":\"stub\","
    "\"choices\":[{\"index\":0,\"text\":\"The answer is \\\\boxed{42}.\","
    "\"finish_reason\":\"stop\"}],"
    "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":8,\"total_tokens\":20}}";

static const char HEALTH_BODY[] = "{\"status\":\"ok\"}";
static const char NOT_FOUND_BODY[] = "{\"error\":{\"message\":\"not found\",\"type\":\"not_found\"}}";
static const char BAD_REQUEST_BODY[] = "{\"error\":{\"message\":\"bad request\",\"type\":\"bad_request\"}}";

enum { R_CHAT, R_COMPLETION, R_HEALTH, R_NOT_FOUND, R_BAD_REQUEST, R_COUNT };

/* Whole responses, built once: [kind][0 = keep-alive, 1 = close]. */
static char *responses[R_COUNT][2];
static size_t response_lengths[R_COUNT][2];

static const char CONTINUE[] = "HTTP/1.1 100 Continue\r\n\r\n";

struct buffer {
    char *data;
    size_t off, len, cap; /* live bytes are data[off, len) */
};

/* A request whose headers are parsed but whose body has not all arrived. */
struct pending {
    int active;
    size_t head_len;    /* request line + headers + blank line */
    int kind;
    int close_after;
    int chunked;
    size_t body_len;    /* Content-Length, when not chunked */
    size_t chunk_pos;   /* chunked: body bytes already walked (whole chunks) */
    size_t chunk_total; /* chunked: data bytes in those chunks */
};

struct conn {
    int fd;
    struct buffer in, out;
    size_t scanned;     /* bytes after in.off already searched for the header end */
    struct pending req;
    int closing;        /* no more requests: close once out is sent */
    unsigned events;    /* what epoll is asked for now */
};

static int epfd = -1;
static int listen_fd = -1;

static void die(const char *what) {
    perror(what);
    exit(1);
}

static void build_response(int kind, int close_after, int status, const char *reason, const char *body) {
    size_t body_len = strlen(body);
    char head[256];
    int n = snprintf(head, sizeof head,
                     "HTTP/1.1 %d %s\r\n"
                     "Content-Type: application/json\r\n"
                     "Content-Length: %zu\r\n"
                     "%s"
                     "\r\n",
                     status, reason, body_len, close_after ? "Connection: close\r\n" : "");
    if (n < 0 || (size_t)n >= sizeof head) die("snprintf");
    char *r = malloc((size_t)n + body_len);
    if (!r) die("malloc");
    memcpy(r, head, (size_t)n);
    memcpy(r + n, body, body_len);
    responses[kind][close_after] = r;
    response_lengths[kind][close_after] = (size_t)n + body_len;
}

static void build_responses(void) {
    for (int c = 0; c < 2; c++) {
        build_response(R_CHAT, c, 200, "OK", CHAT_BODY);
        build_response(R_COMPLETION, c, 200, "OK", COMPLETION_BODY);
        build_response(R_HEALTH, c, 200, "OK", HEALTH_BODY);
        build_response(R_NOT_FOUND, c, 404, "Not Found", NOT_FOUND_BODY);
        build_response(R_BAD_REQUEST, c, 400, "Bad Request", BAD_REQUEST_BODY);
    }
}

/* Room for `extra` more bytes at the end, moving live bytes to the front first. */
static void buffer_reserve(struct buffer *b, size_t extra) {
    if (b->off == b->len) {
        b->off = b->len = 0;
    } else if (b->off > 0 && b->len + extra > b->cap) {
        memmove(b->data, b->data + b->off, b->len - b->off);
        b->len -= b->off;
        b->off = 0;
    }
    if (b->len + extra <= b->cap) return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra) cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) die("realloc");
    b->data = d;
    b->cap = cap;
}

static void buffer_append(struct buffer *b, const char *p, size_t n) {
    buffer_reserve(b, n);
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

static void conn_free(struct conn *c) {
    close(c->fd); /* also removes it from the epoll set */
    free(c->in.data);
    free(c->out.data);
    free(c);
}

/* Asks epoll for input while more requests may come and not too much output
 * is waiting, and for writability while output is waiting. */
static void conn_update_events(struct conn *c) {
    size_t unsent = c->out.len - c->out.off;
    unsigned events = 0;
    if (!c->closing && unsent < OUT_HIGH_WATER) events |= EPOLLIN;
    if (unsent > 0) events |= EPOLLOUT;
    if (events == c->events) return;
    struct epoll_event ev = {.events = events, .data.ptr = c};
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev) < 0) die("epoll_ctl");
    c->events = events;
}

/* Whether a comma-separated header value holds `token` (any case). */
static int value_has_token(const char *v, size_t n, const char *token) {
    size_t t = strlen(token), i = 0;
    while (i < n) {
        while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == ',')) i++;
        size_t start = i;
        while (i < n && v[i] != ',') i++;
        size_t end = i;
        while (end > start && (v[end - 1] == ' ' || v[end - 1] == '\t')) end--;
        if (end - start == t && strncasecmp(v + start, token, t) == 0) return 1;
    }
    return 0;
}

/* Walks a chunked body (p, n bytes of it here) from r->chunk_pos on, whole
 * chunks at a time, so that each byte is looked at about once. Returns the
 * whole body's length once the last chunk and the trailers are in, 0 while
 * more is needed, -1 if it is malformed or too large. */
static long chunked_walk(struct pending *r, const char *p, size_t n) {
    for (;;) {
        size_t i = r->chunk_pos;
        const char *eol = memmem(p + i, n - i, "\r\n", 2);
        if (!eol) return n - i > 1024 ? -1 : 0;
        size_t size = 0;
        int digits = 0;
        for (const char *q = p + i; q < eol; q++) {
            int d;
            if (*q >= '0' && *q <= '9') d = *q - '0';
            else if (*q >= 'a' && *q <= 'f') d = *q - 'a' + 10;
            else if (*q >= 'A' && *q <= 'F') d = *q - 'A' + 10;
            else break; /* a chunk extension (";name=value") or blanks follow */
            size = size * 16 + (size_t)d;
            if (size > MAX_BODY_BYTES) return -1;
            digits++;
        }
        if (!digits) return -1;
        i = (size_t)(eol - p) + 2;
        if (size == 0) {
            /* Trailer lines, then an empty line. */
            for (;;) {
                const char *end = memmem(p + i, n - i, "\r\n", 2);
                if (!end) return n - i > MAX_HEADER_BYTES ? -1 : 0;
                size_t line = (size_t)(end - (p + i));
                i += line + 2;
                if (line == 0) return (long)i;
            }
        }
        if (r->chunk_total + size > MAX_BODY_BYTES) return -1;
        if (n - i < size + 2) return 0;
        if (p[i + size] != '\r' || p[i + size + 1] != '\n') return -1;
        r->chunk_total += size;
        r->chunk_pos = i + size + 2;
    }
}

/* Parses the request line and headers (head_len bytes at start, ending in the
 * blank line) into c->req. Returns 0, or -1 for a malformed request. */
static int parse_head(struct conn *c, const char *start, size_t head_len) {
    struct pending *r = &c->req;
    memset(r, 0, sizeof *r);
    r->head_len = head_len;
    const char *end = start + head_len - 2; /* the last header line's CRLF ends here */

    /* Request line: METHOD SP TARGET SP HTTP/1.x CRLF */
    const char *line_end = memmem(start, head_len, "\r\n", 2);
    const char *sp1 = memchr(start, ' ', (size_t)(line_end - start));
    if (!sp1) return -1;
    const char *target = sp1 + 1;
    const char *sp2 = memchr(target, ' ', (size_t)(line_end - target));
    if (!sp2) return -1;
    const char *version = sp2 + 1;
    if (line_end - version != 8 || memcmp(version, "HTTP/1.", 7) != 0) return -1;
    if (version[7] != '0' && version[7] != '1') return -1;
    int keep_alive = version[7] == '1';
    size_t method_len = (size_t)(sp1 - start);
    size_t target_len = (size_t)(sp2 - target);
    const char *query = memchr(target, '?', target_len);
    size_t path_len = query ? (size_t)(query - target) : target_len;

    int is_post = method_len == 4 && memcmp(start, "POST", 4) == 0;
    int is_get = method_len == 3 && memcmp(start, "GET", 3) == 0;
    if (is_post && path_len == 20 && memcmp(target, "/v1/chat/completions", 20) == 0)
        r->kind = R_CHAT;
    else if (is_post && path_len == 15 && memcmp(target, "/v1/completions", 15) == 0)
        r->kind = R_COMPLETION;
    else if (is_get && path_len == 7 && memcmp(target, "/health", 7) == 0)
        r->kind = R_HEALTH;
    else
        r->kind = R_NOT_FOUND;

    int has_length = 0, expect_continue = 0;
    for (const char *h = line_end + 2; h < end;) {
        const char *eol = memmem(h, (size_t)(end + 2 - h), "\r\n", 2);
        const char *colon = memchr(h, ':', (size_t)(eol - h));
        if (!colon || colon == h) return -1;
        size_t name_len = (size_t)(colon - h);
        const char *v = colon + 1;
        while (v < eol && (*v == ' ' || *v == '\t')) v++;
        size_t v_len = (size_t)(eol - v);
        while (v_len > 0 && (v[v_len - 1] == ' ' || v[v_len - 1] == '\t')) v_len--;
        if (name_len == 14 && strncasecmp(h, "Content-Length", 14) == 0) {
            size_t n = 0;
            if (v_len == 0) return -1;
            for (size_t i = 0; i < v_len; i++) {
                if (v[i] < '0' || v[i] > '9') return -1;
                n = n * 10 + (size_t)(v[i] - '0');
                if (n > MAX_BODY_BYTES) return -1;
            }
            if (has_length && n != r->body_len) return -1;
            r->body_len = n;
            has_length = 1;
        } else if (name_len == 17 && strncasecmp(h, "Transfer-Encoding", 17) == 0) {
            if (value_has_token(v, v_len, "chunked")) r->chunked = 1;
            else if (v_len > 0 && !value_has_token(v, v_len, "identity")) return -1;
        } else if (name_len == 10 && strncasecmp(h, "Connection", 10) == 0) {
            if (value_has_token(v, v_len, "close")) keep_alive = 0;
            else if (value_has_token(v, v_len, "keep-alive")) keep_alive = 1;
        } else if (name_len == 6 && strncasecmp(h, "Expect", 6) == 0) {
            if (value_has_token(v, v_len, "100-continue")) expect_continue = 1;
        }
        h = eol + 2;
    }
    if (r->chunked) r->body_len = 0; /* Transfer-Encoding wins over Content-Length */
    r->close_after = !keep_alive;
    r->active = 1;
    /* A client that waits for 100 Continue before its body gets it at once. */
    if (expect_continue && version[7] == '1' && (r->chunked || r->body_len > 0))
        buffer_append(&c->out, CONTINUE, sizeof CONTINUE - 1);
    return 0;
}

/* Answers every complete request in c->in, in order. */
static void conn_process(struct conn *c) {
    while (!c->closing) {
        char *start = c->in.data + c->in.off;
        size_t avail = c->in.len - c->in.off;
        struct pending *r = &c->req;
        if (!r->active) {
            /* Blank lines before a request line are ignored (RFC 9112, 2.2). */
            size_t lead = 0;
            while (lead < avail && (start[lead] == '\r' || start[lead] == '\n')) lead++;
            if (lead) {
                c->in.off += lead;
                c->scanned = 0;
                continue;
            }
            if (avail == 0) return;
            size_t from = c->scanned > 3 ? c->scanned - 3 : 0;
            const char *blank = memmem(start + from, avail - from, "\r\n\r\n", 4);
            if (!blank) {
                c->scanned = avail;
                if (avail > MAX_HEADER_BYTES) goto bad;
                return;
            }
            c->scanned = 0;
            size_t head_len = (size_t)(blank - start) + 4;
            if (head_len > MAX_HEADER_BYTES || parse_head(c, start, head_len) < 0) goto bad;
        }
        size_t body_len;
        if (r->chunked) {
            long n = chunked_walk(r, start + r->head_len, avail - r->head_len);
            if (n < 0) goto bad;
            if (n == 0) return;
            body_len = (size_t)n;
        } else {
            body_len = r->body_len;
            if (avail - r->head_len < body_len) return;
        }
        buffer_append(&c->out, responses[r->kind][r->close_after], response_lengths[r->kind][r->close_after]);
        c->in.off += r->head_len + body_len;
        if (r->close_after) c->closing = 1;
        r->active = 0;
    }
    return;

bad:
    buffer_append(&c->out, responses[R_BAD_REQUEST][1], response_lengths[R_BAD_REQUEST][1]);
    c->closing = 1;
}

/* Sends what it can. Returns -1 if the connection is gone. */
static int conn_flush(struct conn *c) {
    while (c->out.off < c->out.len) {
        ssize_t n = send(c->fd, c->out.data + c->out.off, c->out.len - c->out.off, MSG_NOSIGNAL);
        if (n > 0) {
            c->out.off += (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return 0;
        } else {
            return -1;
        }
    }
    c->out.off = c->out.len = 0;
    return 0;
}

/* Reads what is there and answers it. Returns -1 if the connection is broken. */
static int conn_read(struct conn *c) {
    for (;;) {
        if (c->closing) return 0;
        if (c->out.len - c->out.off >= OUT_HIGH_WATER) return 0; /* the client is not reading */
        buffer_reserve(&c->in, READ_CHUNK);
        ssize_t n = recv(c->fd, c->in.data + c->in.len, c->in.cap - c->in.len, 0);
        if (n > 0) {
            c->in.len += (size_t)n;
            conn_process(c);
            if ((size_t)n < READ_CHUNK) return 0; /* most likely drained; epoll says if not */
        } else if (n == 0) {
            /* The client is done sending: answer what came, then close. */
            c->closing = 1;
            return 0;
        } else if (errno == EINTR) {
            continue;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return 0;
        } else {
            return -1;
        }
    }
}

static void conn_event(struct conn *c, unsigned events) {
    if (events & EPOLLERR) {
        conn_free(c);
        return;
    }
    if (events & (EPOLLIN | EPOLLHUP)) {
        if (conn_read(c) < 0) {
            conn_free(c);
            return;
        }
    }
    if (conn_flush(c) < 0) {
        conn_free(c);
        return;
    }
    if (c->closing && c->out.off == c->out.len) {
        /* Let the client read the last response before the socket goes. */
        shutdown(c->fd, SHUT_WR);
        conn_free(c);
        return;
    }
    conn_update_events(c);
}

static void accept_all(void) {
    for (;;) {
        int fd = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) return;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                perror("stub-server: accept");
                return;
            }
            die("accept4");
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        struct conn *c = calloc(1, sizeof *c);
        if (!c) die("calloc");
        c->fd = fd;
        c->events = EPOLLIN;
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0) die("epoll_ctl add");
    }
}

static void usage(FILE *to) {
    fprintf(to, "usage: stub-server [--port P]   (P = 0, the default, picks a free port)\n");
}

int main(int argc, char **argv) {
    long port = 0;
    for (int i = 1; i < argc; i++) {
        const char *value = NULL;
        if (strcmp(argv[i], "--port") == 0 && i + 1 < argc) value = argv[++i];
        else if (strncmp(argv[i], "--port=", 7) == 0) value = argv[i] + 7;
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return 0;
        } else {
            usage(stderr);
            return 64;
        }
        char *end;
        port = strtol(value, &end, 10);
        if (*value == '\0' || *end != '\0' || port < 0 || port > 65535) {
            fprintf(stderr, "stub-server: bad port %s\n", value);
            return 64;
        }
    }

    build_responses();

    /* SIGTERM and SIGINT arrive through a signalfd, as epoll events. They are
     * reset to their defaults first: a signal ignored on entry (as SIGINT is
     * for a background job of a script) would never reach the signalfd. */
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    if (sigprocmask(SIG_BLOCK, &stop, NULL) < 0) die("sigprocmask");
    int sig_fd = signalfd(-1, &stop, SFD_NONBLOCK | SFD_CLOEXEC);
    if (sig_fd < 0) die("signalfd");
    signal(SIGPIPE, SIG_IGN);

    listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listen_fd < 0) die("socket");
    int one = 1;
    setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listen_fd, (struct sockaddr *)&addr, sizeof addr) < 0) die("stub-server: bind");
    if (listen(listen_fd, 4096) < 0) die("listen");
    socklen_t addr_len = sizeof addr;
    if (getsockname(listen_fd, (struct sockaddr *)&addr, &addr_len) < 0) die("getsockname");

    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) die("epoll_create1");
    /* The listening socket and the signalfd are told apart by their data.ptr:
     * the addresses of these two ints, never a struct conn. */
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = &listen_fd};
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, listen_fd, &ev) < 0) die("epoll_ctl listen");
    static int sig_tag;
    ev.data.ptr = &sig_tag;
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, sig_fd, &ev) < 0) die("epoll_ctl signalfd");

    printf("LISTENING http://127.0.0.1:%u\n", (unsigned)ntohs(addr.sin_port));
    fflush(stdout);

    struct epoll_event events[256];
    for (;;) {
        int n = epoll_wait(epfd, events, 256, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int i = 0; i < n; i++) {
            void *tag = events[i].data.ptr;
            if (tag == &listen_fd) {
                accept_all();
            } else if (tag == &sig_tag) {
                close(listen_fd);
                return 0;
            } else {
                conn_event(tag, events[i].events);
            }
        }
    }
}
