package org.sovietpolicykg.server.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers every answer carries: no content-type sniffing, no framing, no referrer to other sites, and a Content
 * Security Policy that lets a page load only what this server serves (the editor's script and styles are ours, from
 * npm; YASGUI sets inline styles, hence {@code 'unsafe-inline'} for styles and nothing else).
 */
public final class SecurityHeaders implements Filter {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /** The policy of a page that other sites may frame: no script, nothing but this server's styles and images. */
    public static final String FRAMABLE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors *";

    /**
     * Lets any site frame this answer (OpenRefine shows a reconciliation preview in a frame): replaces the policy with
     * {@link #FRAMABLE_CSP} and drops {@code X-Frame-Options}. For a page without script only.
     */
    public static void framable(HttpServletResponse resp) {
        resp.setHeader("X-Frame-Options", null);
        resp.setHeader("Content-Security-Policy", FRAMABLE_CSP);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        resp.setHeader("Content-Security-Policy", CSP);
        chain.doFilter(request, response);
    }
}
