package org.sovietpolicykg.server.sparql;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Every request outside the SPARQL endpoint (pages, the API, the dumps, VoID) reads the dataset in one read
 * transaction: a TDB2 store can be read only in one, and an in-memory dataset gives a consistent, cheaper view in one.
 * The endpoint ({@code /kg…}) is Fuseki's, which manages its own transactions. What runs inside (the canned queries)
 * joins this transaction rather than starting another.
 */
public final class ReadTransaction implements Filter {
    private final DatasetGraph dataset;

    public ReadTransaction(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest req && req.getRequestURI().startsWith("/kg")) {
            chain.doFilter(request, response);
            return;
        }
        Exception[] thrown = new Exception[1];
        Txn.executeRead(dataset, () -> {
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException e) {
                thrown[0] = e;
            }
        });
        if (thrown[0] instanceof IOException e)
            throw e;
        if (thrown[0] instanceof ServletException e)
            throw e;
    }
}
