package org.sovietpolicykg.search;

import java.io.IOException;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

import org.sovietpolicykg.errors.BadRequestException;

import com.github.mustachejava.util.HtmlEscaper;

/**
 * A search as a reader types it, checked before it runs, and the matched words of a text marked for a snippet, with
 * Lucene's own query parser and highlighter over the same English analysis as the index ({@link TextSearch}). The
 * marks are two characters no text of the project has ({@link #START}, {@link #END}); a page escapes the text and
 * then turns them into {@code <mark>}, so that a snippet is always the source's own text with marks around words.
 */
public final class Snippets {
    public static final char START = '\u2045';
    public static final char END = '\u2046';
    /** The longest search a reader may type. */
    public static final int MAX_LENGTH = 200;
    /** The most words and terms a search may have. */
    public static final int MAX_TERMS = 64;

    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private Snippets() {}

    /** A search parsed as jena-text parses it, or a 400 that says what is wrong and what to write. */
    public static Query parse(String search) {
        if (search == null || search.isBlank())
            throw new BadRequestException("The search is empty; " + TextSearchErrors.EXPECTED);
        if (search.length() > MAX_LENGTH)
            throw new BadRequestException("The search has " + search.length() + " characters; expected at most " + MAX_LENGTH);
        if (search.indexOf(START) >= 0 || search.indexOf(END) >= 0)
            throw new BadRequestException("The search has the characters \u2045 or \u2046, which this server keeps for its highlights");
        QueryParser parser = new QueryParser(TextSearch.DEFAULT_FIELD, ANALYZER);
        parser.setAllowLeadingWildcard(true);
        Query q;
        try {
            q = parser.parse(search);
        } catch (ParseException | IllegalArgumentException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new BadRequestException("The search '" + search + "' cannot be read: " + m + "; " + TextSearchErrors.EXPECTED);
        }
        AtomicInteger terms = new AtomicInteger();
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... ts) {
                terms.addAndGet(ts.length);
            }

            @Override
            public void visitLeaf(Query query) {
                terms.incrementAndGet();
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        if (terms.get() == 0)
            throw new BadRequestException("The search '" + search + "' has no word to look for (only words such as 'the' and 'of',"
                    + " which are not indexed); " + TextSearchErrors.EXPECTED);
        if (terms.get() > MAX_TERMS)
            throw new BadRequestException("The search has " + terms.get() + " words and terms; expected at most " + MAX_TERMS);
        return q;
    }

    /** The text with the words that match the search between {@link #START} and {@link #END}; the text alone if none. */
    public static String mark(String text, Query query) {
        Highlighter h = new Highlighter(new SimpleHTMLFormatter(String.valueOf(START), String.valueOf(END)), new QueryScorer(query, null));
        h.setTextFragmenter(new NullFragmenter());
        h.setMaxDocCharsToAnalyze(Math.max(text.length(), 1));
        try {
            String marked = h.getBestFragment(ANALYZER, TextSearch.DEFAULT_FIELD, text);
            return marked == null ? text : marked;
        } catch (IOException | InvalidTokenOffsetsException e) {
            return text;
        }
    }

    /** The marks of {@link #mark} taken out again: the text as the source has it. */
    public static String unmarked(String marked) {
        return marked.replace(String.valueOf(START), "").replace(String.valueOf(END), "");
    }

    /** A marked text as HTML: escaped (Mustache's escaper, as the pages), the marks as {@code <mark>} elements. */
    public static String html(String marked) {
        StringWriter out = new StringWriter();
        int from = 0;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START || c == END) {
                HtmlEscaper.escape(marked.substring(from, i), out);
                out.write(c == START ? "<mark>" : "</mark>");
                from = i + 1;
            }
        }
        HtmlEscaper.escape(marked.substring(from), out);
        return out.toString();
    }
}
