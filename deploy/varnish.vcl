# Varnish in front of Claimscope's app servers (Debian: apt-get install varnish varnish-modules).
# Public responses are cached for their s-maxage and served stale while revalidating
# (Cache-Control from lib/public-cache/http.ts); an editorial write purges exactly the
# responses naming its records: the app sends `PURGE /` with `Surrogate-Key: k1 k2 …`
# (set PURGE_HOOK_URL=http://varnish-host:port/ on every app server) and xkey drops
# every object carrying one of those keys. Signed-in traffic is never cached.
vcl 4.1;

import xkey;

backend app {
    .host = "127.0.0.1";
    .port = "3000";
}

# Who may purge: the app servers. Add each app server's address (or their network, "10.0.0.0"/8)
# when they run on other hosts than Varnish; a purge from anywhere else is refused with 403.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.Surrogate-Key) {
            return (synth(400, "Surrogate-Key required"));
        }
        set req.http.n-gone = xkey.purge(req.http.Surrogate-Key);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    if (req.http.Cookie ~ "better-auth\.session_token=") {
        return (pass);
    }
    # Anonymous readers: no cookie matters to a public page.
    unset req.http.Cookie;
}

sub vcl_backend_response {
    # xkey indexes the keys found in the `xkey` header.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
