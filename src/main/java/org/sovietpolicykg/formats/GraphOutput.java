package org.sovietpolicykg.formats;

import java.io.ByteArrayOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;

/**
 * One graph in one of the graph formats, written one way for every answer that carries a graph (resource
 * descriptions, the ontology, the named graphs, VoID, the Service Description, CONSTRUCT and DESCRIBE answers of the
 * endpoint and of the canned queries): JSON-LD compacted with the project's context and naming it by URL, every other
 * format by Jena's writer of its language (and JSON-LD too, uncompacted, where no context is given).
 * <pre>
 *   byte[] body = GraphOutput.write(graph, Format.JSONLD, context, "http://localhost:3030/context.jsonld");
 * </pre>
 */
public final class GraphOutput {
    private GraphOutput() {}

    public static byte[] write(Graph g, Format format, JsonLdContext context, String contextUrl) {
        if (format == Format.JSONLD && context != null)
            return context.write(g, contextUrl);
        if (format.kind() != Format.Kind.GRAPH)
            throw new IllegalArgumentException("Not a graph format: " + format.key());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).lang(format.lang()).output(out);
        return out.toByteArray();
    }
}
