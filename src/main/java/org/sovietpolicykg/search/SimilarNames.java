package org.sovietpolicykg.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

import org.sovietpolicykg.errors.KgException;

/**
 * The resources whose names (labels, the names the texts use, their variant spellings) have a word like one of some
 * words, from the text index: Lucene's {@link FuzzyQuery} (up to two letters added, dropped, changed or swapped; one
 * in a word of four letters or fewer) on each word as written and as the English analysis stems it (so
 * "collectivization" meets the stem of "collectivisation"). The candidates of a misspelt name for the reconciliation:
 * "Molotoff" finds Molotov, "Litvoniv" Litvinov.
 * One reader of the index serves every look-up (the index of a served dataset does not change).
 * <pre>
 *   SimilarNames names = SimilarNames.in(index);
 *   Set&lt;String&gt; iris = names.of(List.of("molotoff"), 200);
 * </pre>
 */
public final class SimilarNames {
    /** The fields of entities' names: label, the names the texts use, their variant spellings. */
    static final List<String> FIELDS = List.of("label", "name", "variant");
    /** At most this many words of a name are looked up, each to at most {@link #EXPANSIONS} terms of the index. */
    static final int WORDS = 6;
    static final int EXPANSIONS = 16;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final String uriField;

    private SimilarNames(IndexSearcher searcher, Analyzer analyzer, String uriField) {
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.uriField = uriField;
    }

    /** The look-up of names in an index (of this package's {@link TextSearch}), as it is now. */
    public static SimilarNames in(TextIndex index) {
        TextIndexLucene lucene = (TextIndexLucene) index;
        try {
            return new SimilarNames(new IndexSearcher(DirectoryReader.open(lucene.getDirectory())), lucene.getQueryAnalyzer(),
                    lucene.getDocDef().getEntityField());
        } catch (IOException e) {
            throw new KgException("The text index could not be read: " + e.getMessage(), e);
        }
    }

    /** The IRIs of the resources with a name like the words, best first, at most {@code limit}. */
    public Set<String> of(Collection<String> words, int limit) {
        Set<String> terms = new LinkedHashSet<>();
        words.stream().limit(WORDS).forEach(w -> {
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.length() >= 2)
                terms.add(lower);
            terms.addAll(analysed(analyzer, lower));
        });
        Set<String> iris = new LinkedHashSet<>();
        if (terms.isEmpty())
            return iris;
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String t : terms)
            for (String field : FIELDS)
                q.add(new FuzzyQuery(new Term(field, t), t.length() <= 4 ? 1 : 2, 0, EXPANSIONS, true), BooleanClause.Occur.SHOULD);
        try {
            for (ScoreDoc d : searcher.search(q.build(), limit).scoreDocs)
                iris.add(searcher.storedFields().document(d.doc, Set.of(uriField)).get(uriField));
        } catch (IOException e) {
            throw new KgException("The text index could not be read: " + e.getMessage(), e);
        }
        return iris;
    }

    private static List<String> analysed(Analyzer analyzer, String word) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("name", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken())
                if (term.length() >= 2)
                    tokens.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new KgException("The word " + word + " could not be analysed: " + e.getMessage(), e);
        }
        return tokens;
    }
}
