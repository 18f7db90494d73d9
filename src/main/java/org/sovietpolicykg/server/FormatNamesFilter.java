package org.sovietpolicykg.server;

import java.io.IOException;
import java.util.Collections;
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

/**
 * The names of formats that SPARQL clients send in {@code format=}, {@code output=} or {@code results=} and Fuseki does
 * not know (SPARQLWrapper's {@code rdf+xml} and {@code n3}), turned into the media types they mean before the endpoint
 * reads them; every other value goes through as it came. Fuseki already knows json, xml, csv, tsv, turtle and json-ld.
 */
final class FormatNamesFilter implements Filter {
    static final Map<String, String> NAMES = Map.of("rdf+xml", "application/rdf+xml", "rdfxml", "application/rdf+xml",
            "n3", "text/n3", "ntriples", "application/n-triples", "jsonld", "application/ld+json");
    private static final Set<String> PARAMS = Set.of("format", "output", "results");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest req && PARAMS.stream().anyMatch(p -> known(req.getParameter(p))))
            request = new Renamed(req);
        chain.doFilter(request, response);
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
