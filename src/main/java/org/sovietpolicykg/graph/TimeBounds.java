package org.sovietpolicykg.graph;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the bounds of a time as curators write them (a year {@code 1937}, a month {@code 1939-08} or a date
 * {@code 1939-08-23}) and widens them to dates: a lower bound to its first day, an upper bound to its last.
 */
public final class TimeBounds {
    private TimeBounds() {}

    public static Optional<LocalDate> lower(String text) {
        return parse(text, true);
    }

    public static Optional<LocalDate> upper(String text) {
        return parse(text, false);
    }

    private static Optional<LocalDate> parse(String text, boolean lower) {
        try {
            if (text.matches("-?\\d{4}")) {
                int y = Integer.parseInt(text);
                return Optional.of(lower ? LocalDate.of(y, 1, 1) : LocalDate.of(y, 12, 31));
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                YearMonth ym = YearMonth.parse(text);
                return Optional.of(lower ? ym.atDay(1) : ym.atEndOfMonth());
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}"))
                return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
