vcl 4.1;

# Varnish in front of Qalam's nodes (Debian: apt-get install varnish varnish-modules).
# Pages are kept until Qalam purges them by key (xkey, from the Surrogate-Key header it
# sends) or for their s-maxage; only the addresses in "purgers" (backends.vcl) may purge.

import xkey;
import std;

# Where Qalam's nodes are, and who may purge: backends.vcl beside this file
include "./backends.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(403, "Not allowed"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No keys"));
        }
        # a hard purge: the next request fetches the page anew
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    # tells Qalam it may answer with <esi:include> for the widget slots: new rates or
    # weather purge the fragments, never the pages. Each page view then costs Varnish six
    # lookups (the page and five fragments): about a sixth of the pages per second it
    # serves whole (bench/edge: 5,000-8,000 against 27,000-35,000 on two shared cores).
    # Where the edge's processor is the limit, drop this line: pages come whole, with the
    # widgets filled in, and new rates purge them once a day
    set req.http.Surrogate-Capability = "varnish=ESI/1.0";
    # the newsroom, the API's writes and the login are never kept
    if (req.url ~ "^/(newsroom|actuator)(/|$)" || req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # the weather page shows the city the reader chose (the qalam_city cookie): the reader's
    # own page, never kept (Qalam marks it private)
    if (req.url ~ "^/[a-z]{2,3}/weather([?]|$)") {
        return (pass);
    }
    # other public pages are the same for everyone: the reader's city cookie is read by the
    # page's script, and no other cookie matters to a cached page
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_backend_response {
    # a page's keys, for xkey.purge; kept as Qalam sent them (xkey reads the header)
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # a page with widget slots: Varnish puts in each slot's fragment (/{edition}/widgets/…),
    # kept apart under its own key, so a rates or weather refresh purges fragments only
    if (beresp.http.Surrogate-Control ~ "ESI/1.0") {
        unset beresp.http.Surrogate-Control;
        set beresp.do_esi = true;
        # the page's validators do not cover its fragments: an assembled page is sent
        # whole, never as a 304 that would keep yesterday's rates in a browser
        unset beresp.http.ETag;
        unset beresp.http.Last-Modified;
    }
    # never keep what sets a cookie or is private
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "private|no-store") {
        set beresp.uncacheable = true;
        return (deliver);
    }
    # serve a stale page while a fresh one is fetched, or while Qalam is down
    set beresp.grace = 1d;
    return (deliver);
}

sub vcl_deliver {
    # readers' browsers see Qalam's own headers; the keys and Varnish's are for us
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        # the id of the request that fetched the page is not this one's
        unset resp.http.X-Request-Id;
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
}

sub vcl_backend_error {
    # a node that died since the last probe: the next one in turn takes the request
    if (bereq.retries < 2) {
        return (retry);
    }
}
