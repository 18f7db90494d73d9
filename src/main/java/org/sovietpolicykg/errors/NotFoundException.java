package org.sovietpolicykg.errors;

import java.util.List;
import java.util.Objects;

/**
 * A name (query, entity, page) that does not exist: HTTP 404. It may carry suggestions (what the client may have
 * meant, or where to look), which the server shows on its 404 page and lists in its JSON answer.
 */
public class NotFoundException extends KgException {
    private static final long serialVersionUID = 1L;

    /** A place to look instead: a label and a local path (e.g. {@code Maxim Litvinov}, {@code /id/litvinov}). */
    public record Suggestion(String label, String href) {
        public Suggestion {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(href, "href");
        }
    }

    private final transient List<Suggestion> suggestions;

    public NotFoundException(String message) {
        this(message, List.of());
    }

    public NotFoundException(String message, List<Suggestion> suggestions) {
        super(404, message);
        this.suggestions = List.copyOf(suggestions);
    }

    public List<Suggestion> suggestions() {
        return suggestions;
    }
}
