package org.sovietpolicykg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQuery;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.reconcile.Reconciler;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The fuzzy candidates of the reconciliation come from the text index: misspelt names find their entities, and the
 * reconciliation scores them as it always has.
 */
class SimilarNamesTest {
    static final String ID = "https://w3id.org/soviet-policy-kg/id/";

    static SimilarNames names() {
        return SimilarNames.in((TextIndex) TestGraphs.queryable().getContext().get(TextQuery.textIndex));
    }

    @Test
    void misspelt_names_find_their_entities_in_the_index() {
        SimilarNames names = names();
        assertTrue(names.of(List.of("molotoff"), 100).contains(ID + "molotov"), "Molotoff");
        assertTrue(names.of(List.of("litvoniv"), 100).contains(ID + "litvinov"), "Litvoniv, the essay's own misspelling");
        assertTrue(names.of(List.of("litvinof"), 100).contains(ID + "litvinov"), "Litvinof");
        assertTrue(names.of(List.of("komintern"), 100).contains(ID + "comintern"), "Komintern, a letter changed at the start");
        assertTrue(names.of(List.of("collectivization"), 100).contains(ID + "collectivisation"), "through the stem: collectiv");
        assertEquals(Set.of(), names.of(List.of("x"), 100), "a single letter finds nothing");
    }

    @Test
    void the_reconciliation_scores_the_index_candidates_as_before() {
        Reconciler r = Reconciler.of(TestGraphs.queryable(), BaseIri.DEFAULT);
        Reconciler.Candidate molotoff = r.reconcile("Molotoff", List.of(), 3).get(0);
        assertEquals("molotov", molotoff.entity().id());
        assertEquals(Reconciler.MatchType.FUZZY, molotoff.type());
        assertEquals(72.7, molotoff.score());
        assertTrue(molotoff.match(), "clearly ahead: matched without asking");
        Reconciler.Candidate litvinof = r.reconcile("Litvinof", List.of(), 3).get(0);
        assertEquals("litvinov", litvinof.entity().id());
        assertEquals(75.0, litvinof.score());
        Reconciler.Candidate vyacheslav = r.reconcile("Vyacheslav Molotoff", List.of(), 3).get(0);
        assertEquals("molotov", vyacheslav.entity().id());
        assertEquals(76.4, vyacheslav.score());
        // the index has the stem "franc": a misspelling at the end of a word is compared with every entity, as before
        assertEquals("france", r.reconcile("Fracne", List.of(), 3).get(0).entity().id());
        assertEquals(List.of("spanish-civil-war"), r.reconcile("Spainish Civil War", List.of(), 3).stream().map(c -> c.entity().id()).toList());
    }
}
