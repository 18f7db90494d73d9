package org.sovietpolicykg.server.sparql;

import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

import org.sovietpolicykg.dataset.DatasetWriter;
import org.sovietpolicykg.queries.MemoryPressure;

/**
 * The Graph Store Protocol read operation ({@code /kg/get}): Fuseki's own, except that the whole dataset (no
 * {@code ?graph=} or {@code ?default}) is the named graphs alone. The served default graph is their union, a copy for
 * queries; sent along with them it would repeat every quad. {@code ?default} still answers the union as one graph.
 */
public final class KgGraphStore extends GSP_R {
    /**
     * JSON-LD and RDF/XML of the graphs are built whole in memory by their writers (the dataset's JSON-LD took over 20
     * MB each): one at a time, the others wait at most two seconds, then 503. The other formats stream.
     */
    private final Semaphore builtInMemory = new Semaphore(1, true);
    private static final long WAIT_MS = 2_000;
    /** The quads served, counted once (the dataset does not change while it is served): what a whole copy needs. */
    private volatile long quads = -1;

    @Override
    protected void doGet(HttpAction action) {
        MediaType type = isQuads(action) ? ActionLib.contentNegotationQuads(action) : ActionLib.contentNegotationRDF(action);
        Lang lang = type == null ? null : RDFLanguages.contentTypeToLang(type.getContentTypeStr());
        if (!Lang.JSONLD.equals(lang) && !Lang.RDFXML.equals(lang)) {
            super.doGet(action);
            return;
        }
        // measured: the dataset's JSON-LD (12,972 quads) needed about 17 MB beside it; 2 KB a quad, to be safe
        if (quads < 0)
            quads = Txn.calculateRead(action.getDataset(), () -> action.getDataset().stream().count());
        long needs = 2_048L * quads;
        if (!MemoryPressure.room(needs)) {
            action.getResponse().setHeader("Retry-After", "5");
            ServletOps.error(503, String.format(Locale.ROOT, "The server has no room now for %s of the graphs (it is built"
                    + " in memory, about %,d MB here); ask for N-Quads or TriG, which stream, or download /dumps/", lang.getLabel(), needs >> 20));
        }
        boolean admitted = false;
        try {
            admitted = builtInMemory.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!admitted) {
            action.getResponse().setHeader("Retry-After", "1");
            ServletOps.error(503, "The server writes one " + lang.getLabel() + " copy of the graphs at a time (it is built in"
                    + " memory); try again in a moment, ask for N-Quads or TriG, which stream, or download /dumps/");
        }
        try {
            super.doGet(action);
        } finally {
            builtInMemory.release();
        }
    }

    @Override
    protected DatasetGraph decideDataset(HttpAction action) {
        DatasetGraph dsg = super.decideDataset(action);
        return isQuads(action) ? DatasetWriter.namedGraphs(dsg) : dsg;
    }
}
