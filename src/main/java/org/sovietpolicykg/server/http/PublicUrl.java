package org.sovietpolicykg.server.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

import org.sovietpolicykg.config.KgConfig.Address;
import org.sovietpolicykg.formats.JsonLdContext;

/**
 * The one root URL of every absolute URL the server writes (the context that JSON-LD answers name, VoID, the Service
 * Description, the dumps, OpenAPI's servers, the pages), decided once per request and never from whatever
 * {@code Host} a client sends:
 * <ol>
 * <li>the configured public URL ({@code --public-url}), when there is one;</li>
 * <li>else, for a request that came through a proxy named with {@code --trusted-proxy}, the address that proxy says
 * the client called (Jetty's {@link ForwardedRequestCustomizer} reads {@code Forwarded} and {@code X-Forwarded-*}; for
 * any other peer those headers are ignored);</li>
 * <li>else the address the server listens on, as {@code http://localhost:PORT}.</li>
 * </ol>
 * A default port (80 for http, 443 for https) is not written. Installed as the first filter of every request
 * ({@link #doFilter}); everything else asks {@link #of(HttpServletRequest)}.
 * <pre>
 *   String context = PublicUrl.of(req) + PublicUrl.CONTEXT_PATH;   // "http://localhost:3030/context.jsonld"
 * </pre>
 */
public final class PublicUrl implements Filter {
    /** Where the server publishes the JSON-LD context that every JSON-LD answer names. */
    public static final String CONTEXT_PATH = "/" + JsonLdContext.FILE;
    private static final String ATTRIBUTE = "kg.publicUrl";
    /** Set by {@link TrustedProxies} on a request that came through a trusted proxy. */
    private static final String FORWARDED = "kg.forwarded";

    private final Optional<String> configured;

    public PublicUrl(Address address) {
        this.configured = address.publicUrl();
    }

    /** The root URL for this request, without a trailing slash: {@code https://kg.example.org}, {@code http://localhost:3030}. */
    public static String of(HttpServletRequest req) {
        Object url = req.getAttribute(ATTRIBUTE);
        return url instanceof String s ? s : listening(req);
    }

    /** Where this server publishes the JSON-LD context, for this request. */
    public static String contextUrl(HttpServletRequest req) {
        return of(req) + CONTEXT_PATH;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String url = configured.orElseGet(() -> req.getAttribute(FORWARDED) != null
                ? root(req.getScheme(), req.getServerName(), req.getServerPort()) : listening(req));
        req.setAttribute(ATTRIBUTE, url);
        chain.doFilter(request, response);
    }

    /** The listening address: the port the connection came in on, never the Host header. */
    private static String listening(HttpServletRequest req) {
        return root(req.isSecure() ? "https" : "http", "localhost", req.getLocalPort());
    }

    static String root(String scheme, String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        boolean defaultPort = port <= 0 || HttpScheme.HTTP.is(scheme) && port == 80 || HttpScheme.HTTPS.is(scheme) && port == 443;
        return scheme + "://" + h + (defaultPort ? "" : ":" + port);
    }

    /**
     * Jetty's {@link ForwardedRequestCustomizer}, applied only to requests whose peer is one of the trusted proxies
     * (addresses, CIDR blocks or ranges, as Jetty's {@link InetAddressSet} reads them); a request from anyone else keeps
     * its own address, whatever {@code Forwarded} headers it sends.
     */
    public static final class TrustedProxies implements HttpConfiguration.Customizer {
        private final InetAddressSet trusted = new InetAddressSet();
        private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

        public TrustedProxies(List<String> proxies) {
            proxies.forEach(trusted::add);
        }

        @Override
        public Request customize(Request request, HttpFields.Mutable responseHeaders) {
            if (!(request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer)
                    || peer.getAddress() == null || !trusted.test(peer.getAddress()))
                return request;
            Request r = forwarded.customize(request, responseHeaders);
            r.setAttribute(FORWARDED, Boolean.TRUE);
            return r;
        }
    }
}
