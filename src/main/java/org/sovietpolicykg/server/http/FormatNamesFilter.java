package org.sovietpolicykg.server.http;

import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.sovietpolicykg.formats.Format;

/**
 * The names of graph formats that SPARQL clients send in {@code format=}, {@code output=} or {@code results=}
 * (SPARQLWrapper's {@code rdf+xml} and {@code n3}, Jena's {@code ttl}, {@code nt}, …: the one table of
 * {@link Format#names}), turned into the media types they mean before the endpoint reads them, so that the endpoint
 * and the API take the same names. Every other value goes through as it came: the names of SPARQL results
 * ({@code json}, {@code xml}, {@code csv}, {@code tsv}) are Fuseki's, which reads them by the query's form.
 */
public final class FormatNamesFilter implements Filter {
    private static final Map<String, String> NAMES = graphFormatNames();
    private static final Set<String> PARAMS = Set.of("format", "output", "results");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest req && PARAMS.stream().anyMatch(p -> known(req.getParameter(p))))
            request = new Renamed(req);
        chain.doFilter(request, response);
    }

    /** Each name of a graph format that is not a results format's too (json, xml), to its media type. */
    private static Map<String, String> graphFormatNames() {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> results = new HashSet<>();
        Format.of(Format.Kind.RESULTS).forEach(f -> results.addAll(f.names()));
        for (Format f : Format.of(Format.Kind.GRAPH))
            for (String n : f.names())
                if (!results.contains(n))
                    names.putIfAbsent(n, f.mediaType());
        // N3 (SPARQLWrapper's name) is answered as text/n3, Jena writing Turtle for it
        names.put("n3", "text/n3");
        return Map.copyOf(names);
    }

    private static boolean known(String value) {
        return value != null && NAMES.containsKey(value.toLowerCase(Locale.ROOT));
    }

    private static String rename(String name, String value) {
        if (value == null || !PARAMS.contains(name))
            return value;
        return NAMES.getOrDefault(value.toLowerCase(Locale.ROOT), value);
    }

    private static final class Renamed extends HttpServletRequestWrapper {
        Renamed(HttpServletRequest req) {
            super(req);
        }

        @Override
        public String getParameter(String name) {
            return rename(name, super.getParameter(name));
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] v = super.getParameterValues(name);
            if (v == null)
                return null;
            String[] out = v.clone();
            for (int i = 0; i < out.length; i++)
                out[i] = rename(name, out[i]);
            return out;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> m = new LinkedHashMap<>();
            super.getParameterMap().keySet().forEach(k -> m.put(k, getParameterValues(k)));
            return Collections.unmodifiableMap(m);
        }
    }
}
