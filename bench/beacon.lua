-- The article page's view beacon as a browser sends it: navigator.sendBeacon posts no
-- body, from a browser's user agent (robots are not counted)
wrk.method = "POST"
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
wrk.headers["Content-Length"] = "0"
