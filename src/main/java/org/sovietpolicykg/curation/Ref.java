package org.sovietpolicykg.curation;

import org.sovietpolicykg.diagnostics.Loc;

/** A value written in a curation file (an id, a concept slug, a literal) and where it was written. */
public record Ref(String value, Loc loc) {
    @Override
    public String toString() {
        return value;
    }
}
