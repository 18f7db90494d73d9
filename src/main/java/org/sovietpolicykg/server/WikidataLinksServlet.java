package org.sovietpolicykg.server;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.sparql.core.DatasetGraph;
import org.sovietpolicykg.dataset.WikidataLinks;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * {@code GET /dumps/wikidata-links.csv}: the Wikidata links (our IRI, label, QID, mapping property, kind of match,
 * evidence) as CSV for spreadsheets and OpenRefine, the same table {@code build} writes; made once, at start.
 */
final class WikidataLinksServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/dumps/" + WikidataLinks.CSV;

    private final byte[] csv;

    WikidataLinksServlet(DatasetGraph queryable, BaseIri base) {
        this.csv = WikidataLinks.csv(queryable, base);
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + WikidataLinks.CSV + "\"");
        bytes(resp, Format.CSV.mediaType(), csv);
    }
}
