package org.sovietpolicykg.server.sparql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.formats.GraphOutput;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.queries.QueryPolicy;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.Negotiation;
import org.sovietpolicykg.server.http.PublicUrl;
import org.sovietpolicykg.server.http.ResponseLimitFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The SPARQL Query operation of the endpoint ({@code /kg/sparql}, {@code /kg/query}, {@code /kg}): Fuseki's own, with
 * the project's {@link QueryPolicy} at the points Fuseki offers for it. A query longer than the request limit is a
 * 413 before it is parsed; one nested too deeply to parse is a 400 (not a stack overflow); a function outside the
 * allowlist is a 400 that names it; REGEX and REPLACE run in forms the deadline can stop, and parsing, evaluation and
 * writing the results all run under the deadline; a result of more rows (or triples) than the limit is a 400 that
 * says to page with LIMIT and OFFSET. Registered for {@code Operation.Query} by the server (KgServer).
 */
public final class KgQueryService extends SPARQL_QueryDataset {
    public static final String TOO_DEEP = "The query is nested too deeply to parse; expected fewer nested groups or expressions";

    private final QueryPolicy policy;
    /**
     * The Service Description, made once per endpoint URL (the dataset does not change). There is one public URL, or
     * the few that trusted proxies forward: a handful are kept, never one per client-chosen {@code Host}.
     */
    private final Cache<String, Model> descriptions = Caffeine.newBuilder().maximumSize(8).build();

    /** Writes the JSON-LD answers of CONSTRUCT and DESCRIBE, and the description, with the published context. */
    private final JsonLdContext context;

    public KgQueryService(QueryPolicy policy, JsonLdContext context) {
        this.policy = policy;
        this.context = context;
    }

    /**
     * A CONSTRUCT or DESCRIBE answer asked for as JSON-LD (by {@code Accept} or {@code format=}) is compacted with the
     * project's context, named by URL; every other answer is Fuseki's.
     */
    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue prologue) {
        boolean rdf = result.isGraph() || result.isDataset();
        refuseUnservableAccept(action.getRequest(), rdf ? DEF.constructOffer : result.isBoolean() ? DEF.rsOfferBoolean : DEF.rsOfferTable);
        if (!rdf || !wantsJsonLd(action.getRequest())) {
            super.sendResults(action, result, prologue);
            return;
        }
        String url = PublicUrl.contextUrl(action.getRequest());
        byte[] body = result.isGraph() ? context.write(result.graph(), url) : context.write(result.dataset().getDefaultGraph(), url);
        try {
            ServletOps.success(action);
            action.setResponseContentType(JsonLdContext.MEDIA_TYPE);
            action.setResponseCharacterEncoding("UTF-8");
            action.getResponseOutputStream().write(body);
        } catch (IOException e) {
            ServletOps.errorOccurred(e);
        }
    }

    /**
     * An {@code Accept} that names none of the formats on offer (and no wildcard that covers one) is a 406 that lists
     * them, unless a format parameter chooses the format; Fuseki would answer its default instead.
     */
    private static void refuseUnservableAccept(HttpServletRequest req, AcceptList offer) {
        String accept = req.getHeader(HttpNames.hAccept);
        if (accept == null || accept.isBlank())
            return;
        for (String name : List.of(HttpNames.paramOutput1, HttpNames.paramOutput2, HttpNames.paramOutput3))
            if (req.getParameter(name) != null)
                return;
        if (AcceptList.match(new AcceptList(accept), offer) == null)
            ServletOps.error(HttpServletResponse.SC_NOT_ACCEPTABLE, "No format on offer fits Accept: " + accept.strip()
                    + "; this answer is offered as " + offer.entries().stream().map(MediaType::getContentTypeStr).distinct().toList());
    }

    /** The negotiation Fuseki does for graphs (ResponseGraph), asked only whether it ends in JSON-LD. */
    private static boolean wantsJsonLd(HttpServletRequest req) {
        String output = null;
        for (String name : List.of(HttpNames.paramOutput1, HttpNames.paramOutput2, HttpNames.paramOutput3)) {
            if (output == null)
                output = req.getParameter(name);
        }
        if (output != null) {
            String o = output.toLowerCase(Locale.ROOT);
            return o.equals(WebContent.contentTypeJSONLD) || o.equals("json-ld") || o.equals("jsonld") || o.equals("json");
        }
        MediaType m = ConNeg.chooseContentType(req, DEF.constructOffer, DEF.acceptTurtle);
        return m != null && WebContent.contentTypeJSONLD.equals(m.getContentTypeStr());
    }

    /**
     * A GET with no query is not an error: it asks for the Service Description. An update (this endpoint takes none)
     * is a 400, by GET too; so is a query given twice (in the URL and in the body), which one to run being unsaid.
     */
    @Override
    public void validate(HttpAction action) {
        HttpServletRequest req = action.getRequest();
        if (req.getParameter(HttpNames.paramUpdate) != null)
            ServletOps.errorBadRequest("SPARQL Update is not accepted: this endpoint is read-only and answers queries only"
                    + " (query=...); the graph changes only by a new build");
        String[] queries = req.getParameterValues(HttpNames.paramQuery);
        boolean inBody = req.getContentType() != null
                && req.getContentType().toLowerCase(Locale.ROOT).startsWith(WebContent.contentTypeSPARQLQuery);
        if (queries != null && (queries.length > 1 || inBody))
            ServletOps.errorBadRequest("The request gives the query " + (inBody ? "both in the URL (query=) and in the body"
                    : queries.length + " times (query=)") + "; expected exactly one query");
        if (isDescriptionRequest(action))
            return;
        super.validate(action);
    }

    @Override
    protected void executeWithParameter(HttpAction action) {
        if (isDescriptionRequest(action)) {
            describe(action);
            return;
        }
        super.executeWithParameter(action);
    }

    private static boolean isDescriptionRequest(HttpAction action) {
        return "GET".equals(action.getRequestMethod()) && action.getRequestParameter("query") == null
                && action.getRequestParameter("request") == null;
    }

    /** The SPARQL 1.1 Service Description: Turtle, RDF/XML, JSON-LD or N-Triples by Accept, HTML for browsers. */
    private void describe(HttpAction action) {
        HttpServletRequest req = action.getRequest();
        HttpServletResponse resp = action.getResponse();
        String url = PublicUrl.of(req) + req.getRequestURI();
        Model sd = descriptions.get(url, u -> ServiceDescription.of(action.getDataset(), policy, u));
        Format f = Negotiation.choose(req, resp, DESCRIPTION_FORMATS, Format.TURTLE);
        try {
            if (f == Format.HTML) {
                KgServlet.html(resp, Pages.render("service", Map.of("title", "SPARQL endpoint", "endpoint", url,
                        "turtle", write(sd, Format.TURTLE, req))));
                return;
            }
            KgServlet.bytes(resp, f.mediaType(), write(sd, f, req).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            ServletOps.errorOccurred(e);
        }
    }

    private static final List<Format> DESCRIPTION_FORMATS = List.of(Format.TURTLE, Format.RDFXML, Format.JSONLD, Format.NTRIPLES,
            Format.HTML);

    private String write(Model m, Format f, HttpServletRequest req) {
        return new String(GraphOutput.write(m.getGraph(), f, context, PublicUrl.contextUrl(req)), StandardCharsets.UTF_8);
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        int max = policy.limits().maxRequestBytes();
        if (queryString.length() > max)
            ServletOps.error(413, "The query has " + queryString.length() + " characters; this endpoint takes at most " + max);
        policy.run(() -> {
            try {
                super.execute(queryString, action);
            } catch (StackOverflowError e) {
                ServletOps.errorBadRequest(TOO_DEEP);
            } catch (ActionErrorException e) {
                // the parser reports its own stack overflow as a parse error named after the Java error
                if (e.getMessage() != null && e.getMessage().contains("StackOverflowError"))
                    ServletOps.errorBadRequest(TOO_DEEP);
                throw e;
            } catch (RuntimeException e) {
                // a failure the policy knows (a SERVICE refused or failing, a text search the client got wrong): its
                // own status and message, not Fuseki's 500
                KgException known = QueryPolicy.knownFailure(e);
                if (known != null)
                    ServletOps.error(known.status(), known.getMessage());
                throw e;
            }
            return null;
        });
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        try {
            policy.check(query);
        } catch (BadRequestException e) {
            ServletOps.errorBadRequest(e.getMessage());
        }
    }

    /** The query as it runs: Fuseki's dataset choice, then the policy's guarded form (checked in validateQuery). */
    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        Pair<DatasetGraph, Query> p = super.decideDataset(action, query, queryStringLog);
        return Pair.create(p.getLeft(), policy.guard(p.getRight() == null ? query : p.getRight()));
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query requestQuery, String queryStringLog) {
        long max = policy.limits().maxResultRows();
        if (requestQuery.isConstructType()) {
            // built in memory before it is written: bounded while it is built
            DatasetGraph result = DatasetGraphFactory.create();
            Iterator<Quad> quads = queryExec.constructQuads();
            long n = 0;
            while (quads.hasNext()) {
                if (++n > max)
                    ServletOps.errorBadRequest(policy.tooManyRows().getMessage());
                result.add(quads.next());
            }
            return new QueryExecResult(result);
        }
        QueryExecResult r = super.executeQuery(action, queryExec, requestQuery, queryStringLog);
        if (!r.isRowSet())
            return r;
        RowSet rows = r.rowSet();
        Iterator<Binding> limited = new Iterator<>() {
            long n;

            @Override
            public boolean hasNext() {
                try {
                    return rows.hasNext();
                } catch (RuntimeException e) {
                    throw stopped(action, e);
                }
            }

            @Override
            public Binding next() {
                if (++n > max) {
                    ResponseLimitFilter.stopped(action.getRequest(), action.getResponse(), policy.tooManyRows());
                    ServletOps.errorBadRequest(policy.tooManyRows().getMessage());
                }
                try {
                    return rows.next();
                } catch (RuntimeException e) {
                    throw stopped(action, e);
                }
            }
        };
        return new QueryExecResult(RowSetStream.create(rows.getResultVars(), limited));
    }

    /**
     * A query stopped while its rows are written (the time limit; a SERVICE refused or failing for a later solution):
     * the answer says so, as an error while it is still buffered, else by an aborted transfer (see
     * ResponseLimitFilter), never by an error text spliced into a 200 that ends cleanly.
     */
    private RuntimeException stopped(HttpAction action, RuntimeException e) {
        KgException why = policy.failure(e);
        ResponseLimitFilter.stopped(action.getRequest(), action.getResponse(), why);
        return e;
    }
}
