package org.sovietpolicykg.search;

import java.util.regex.PatternSyntaxException;

import org.apache.jena.query.text.TextIndexException;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.IndexSearcher;

import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.KgException;

/**
 * The client's mistakes in a full-text search ({@code text:query}), which jena-text raises as its own exception while
 * the query runs: a search Lucene cannot parse, one that expands to more terms than a query may have, highlight
 * markers that are no good. Each is a 400 that says what to write instead, never a 500.
 */
public final class TextSearchErrors {
    /** What a search may be, in the words of every message. */
    public static final String EXPECTED = "expected words (Rapallo), \"an exact phrase\" in double quotes, a * for any letters"
            + " (purg*), AND, OR and NOT between words, a field before a colon only as Lucene has it";

    private TextSearchErrors() {}

    /** The 400 for a failed text search, or null if {@code e} is no text search's failure. */
    public static KgException asKgException(Throwable e) {
        boolean text = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TextIndexException)
                text = true;
            if (t instanceof ParseException p)
                return new BadRequestException("The text search cannot be read: " + firstLine(p.getMessage()) + "; " + EXPECTED);
            if (t instanceof IndexSearcher.TooManyClauses)
                return new BadRequestException("The text search expands to more than " + IndexSearcher.getMaxClauseCount()
                        + " terms; expected fewer words, or a longer start before a *");
            if (text && t instanceof PatternSyntaxException)
                return new BadRequestException("The text search's highlight markers cannot be used: " + firstLine(t.getMessage())
                        + "; expected markers without the characters of a regular expression, e.g. 'highlight:s:<em> | e:</em>'");
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null)
            return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
