# One Qalam on this machine. For several nodes, see deploy/compose/backends.vcl: a
# backend per node and a round-robin director.
backend qalam {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Qalam's nodes: each sends PURGE after a change (QALAM_EDGE_VARNISH)
acl purgers {
    "127.0.0.1";
    "::1";
}
