package org.sovietpolicykg.server.http;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CORS for reading from any web page: {@code Access-Control-Allow-Origin: *}, never with credentials (so a browser
 * sends no cookies or authorisation with a cross-origin request), for GET, POST, HEAD and OPTIONS only. A preflight
 * for another method or for credentials gets no CORS headers, which the browser reads as a refusal. The origin is
 * never echoed back. (Jetty's and Fuseki's CORS filters echo the origin; this one does not.)
 */
public final class CorsFilter implements Filter {
    public static final String METHODS = "GET, POST, HEAD, OPTIONS";
    public static final Set<String> ALLOWED = Set.of("GET", "POST", "HEAD", "OPTIONS");
    public static final String HEADERS = "Accept, Content-Type, If-None-Match, If-Modified-Since, X-Requested-With";
    public static final String EXPOSED = "Content-Length, Content-Type, ETag, Last-Modified, Cache-Control, Retry-After, Vary";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.addHeader("Vary", "Origin");
        String origin = req.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        String preflight = req.getHeader("Access-Control-Request-Method");
        if (req.getMethod().equals("OPTIONS") && preflight != null) {
            if (ALLOWED.contains(preflight)) {
                resp.setHeader("Access-Control-Allow-Origin", "*");
                resp.setHeader("Access-Control-Allow-Methods", METHODS);
                resp.setHeader("Access-Control-Allow-Headers", HEADERS);
                resp.setHeader("Access-Control-Max-Age", "86400");
            }
            resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Access-Control-Expose-Headers", EXPOSED);
        chain.doFilter(request, response);
    }
}
