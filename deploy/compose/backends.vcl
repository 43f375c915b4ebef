# The two Qalam nodes of compose.yaml, taken in turn; a node that stops answering its
# health check is left out until it answers again.
import directors;

probe ready {
    .url = "/actuator/health/readiness";
    .interval = 5s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

backend node1 {
    .host = "qalam1";
    .port = "8080";
    .probe = ready;
}

backend node2 {
    .host = "qalam2";
    .port = "8080";
    .probe = ready;
}

# the nodes send PURGE from the compose network
acl purgers {
    "127.0.0.1";
    "172.16.0.0"/12;
}

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(node1);
    nodes.add_backend(node2);
}

sub vcl_recv {
    set req.backend_hint = nodes.backend();
}
