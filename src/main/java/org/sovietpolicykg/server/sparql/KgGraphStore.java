package org.sovietpolicykg.server.sparql;

import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.sparql.core.DatasetGraph;

import org.sovietpolicykg.dataset.DatasetWriter;

/**
 * The Graph Store Protocol read operation ({@code /kg/get}): Fuseki's own, except that the whole dataset (no
 * {@code ?graph=} or {@code ?default}) is the named graphs alone. The served default graph is their union, a copy for
 * queries; sent along with them it would repeat every quad. {@code ?default} still answers the union as one graph.
 */
public final class KgGraphStore extends GSP_R {
    @Override
    protected DatasetGraph decideDataset(HttpAction action) {
        DatasetGraph dsg = super.decideDataset(action);
        return isQuads(action) ? DatasetWriter.namedGraphs(dsg) : dsg;
    }
}
