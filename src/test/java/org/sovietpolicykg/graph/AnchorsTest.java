package org.sovietpolicykg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sovietpolicykg.Sparql;
import org.sovietpolicykg.TestGraphs;

/** Every selector of every annotation, checked against the text of its source segment. */
class AnchorsTest {
    static final String SELECTORS = """
            SELECT ?anno ?text ?segStart ?start ?end ?exact ?prefix ?suffix WHERE {
              ?anno a oa:Annotation ; oa:hasTarget ?t .
              ?t oa:hasSource ?seg ; oa:hasSelector ?q, ?p .
              ?seg rdf:value ?text ; spo:start ?segStart .
              ?q a oa:TextQuoteSelector ; oa:exact ?exact .
              OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix }
              ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
            }""";

    @Test
    void text_at_every_position_selector_is_its_exact_quote_with_prefix_and_suffix_around_it() {
        List<Map<String, String>> rows = Sparql.select(TestGraphs.queryable(), SELECTORS);
        assertTrue(rows.size() > 300, "there are " + rows.size() + " annotations");
        String essay = TestGraphs.real().text("essay").text().source().text();
        for (Map<String, String> r : rows) {
            String text = r.get("text");
            int start = Integer.parseInt(r.get("start")), end = Integer.parseInt(r.get("end"));
            String at = text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
            assertEquals(r.get("exact"), at, r.get("anno"));
            String before = text.substring(0, text.offsetByCodePoints(0, start));
            String after = text.substring(text.offsetByCodePoints(0, end));
            if (r.get("prefix") != null)
                assertTrue(before.endsWith(r.get("prefix")), r.get("anno") + " prefix");
            if (r.get("suffix") != null)
                assertTrue(after.startsWith(r.get("suffix")), r.get("anno") + " suffix");
            // and the same passage in the essay file itself, at the absolute offset
            int abs = Integer.parseInt(r.get("segStart")) + start;
            assertTrue(essay.substring(essay.offsetByCodePoints(0, abs)).startsWith(r.get("exact")), r.get("anno") + " absolute");
        }
    }

    @Test
    void the_pact_claim_is_anchored_in_paragraph_4_sentence_1() {
        List<Map<String, String>> rows = Sparql.select(TestGraphs.queryable(), """
                SELECT ?seg ?exact WHERE {
                  ?st rdf:subject spd:molotov ; rdf:predicate spo:replaced ; rdf:object spd:litvinov ;
                      spo:hasAnchor/oa:hasTarget ?t .
                  ?t oa:hasSource ?seg ; oa:hasSelector/oa:exact ?exact .
                }""");
        assertEquals(1, rows.size());
        assertEquals("https://w3id.org/soviet-policy-kg/text/essay/p4/s1", rows.get(0).get("seg"));
    }
}
