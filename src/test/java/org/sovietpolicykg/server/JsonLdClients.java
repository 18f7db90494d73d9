package org.sovietpolicykg.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.Context;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.ParserConfig;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;
import org.eclipse.rdf4j.rio.jsonld.JSONLDSettings;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * JSON-LD read as a client reads it: Jena (Titanium) and RDF4J, each with a document loader that fetches the
 * published context (named {@code <base>context.jsonld} by the dumps, the server's own {@code /context.jsonld} by its
 * answers) from the live server over HTTP, and refuses any other remote document. What the server published is what these clients see.
 */
final class JsonLdClients {
    private JsonLdClients() {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The bytes of the context as the server serves it. */
    static byte[] fetchContext(String serverUrl) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(serverUrl + "/context.jsonld")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200)
                throw new IllegalStateException("/context.jsonld answered " + r.statusCode());
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The context's two names: its IRI under the base (the dumps), and the server's own URL for it (the answers). */
    static boolean known(String uri, String serverUrl, BaseIri base) {
        return uri.equals(base.iri() + "context.jsonld") || uri.equals(serverUrl + "/context.jsonld");
    }

    static DocumentLoader titaniumLoader(String serverUrl, BaseIri base) {
        return (uri, options) -> {
            if (!known(uri.toString(), serverUrl, base))
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "not fetched in a test: " + uri);
            return JsonDocument.of(new ByteArrayInputStream(fetchContext(serverUrl)));
        };
    }

    /** The dataset of a JSON-LD document, read by Jena. */
    static DatasetGraph jena(byte[] jsonld, String serverUrl, BaseIri base) {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader(titaniumLoader(serverUrl, base));
        Context cxt = Context.create();
        cxt.set(LangJSONLD11.JSONLD_OPTIONS, options);
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(jsonld)).lang(Lang.JSONLD).context(cxt).parse(dsg);
        return dsg;
    }

    /** The statements of a JSON-LD document, read by RDF4J. */
    static Model rdf4j(byte[] jsonld, String serverUrl, BaseIri base) throws IOException {
        no.hasmac.jsonld.loader.DocumentLoader loader = (uri, options) -> {
            if (!known(uri.toString(), serverUrl, base))
                throw new no.hasmac.jsonld.JsonLdError(no.hasmac.jsonld.JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "not fetched in a test: " + uri);
            return no.hasmac.jsonld.document.JsonDocument.of(new ByteArrayInputStream(fetchContext(serverUrl)));
        };
        org.eclipse.rdf4j.rio.RDFParser p = Rio.createParser(RDFFormat.JSONLD);
        ParserConfig config = new ParserConfig();
        config.set(JSONLDSettings.DOCUMENT_LOADER, loader);
        config.set(JSONLDSettings.WHITELIST, java.util.Set.of(base.iri() + "context.jsonld", serverUrl + "/context.jsonld"));
        p.setParserConfig(config);
        Model m = new org.eclipse.rdf4j.model.impl.LinkedHashModel();
        p.setRDFHandler(new StatementCollector(m));
        p.parse(new ByteArrayInputStream(jsonld), "");
        return m;
    }
}
