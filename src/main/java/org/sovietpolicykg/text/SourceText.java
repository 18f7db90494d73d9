package org.sovietpolicykg.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.errors.KgException;

/**
 * The primary source: the essay's exact text, its sha256, and conversion between Java's UTF-16 indexes and
 * the Unicode code point offsets that the W3C {@code TextPositionSelector} counts.
 * <pre>
 *   SourceText essay = SourceText.read(Path.of("data/source/essay.txt"));
 *   String passage = essay.substring(essay.codePoints(), 120, 160);
 * </pre>
 */
public final class SourceText {
    private final String name;
    private final String text;
    private final String sha256;

    private SourceText(String name, String text, String sha256) {
        this.name = name;
        this.text = text;
        this.sha256 = sha256;
    }

    /** Reads a UTF-8 file; a file that is not valid UTF-8 is refused with its name. */
    public static SourceText read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KgException(file + ": cannot read the source text: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new KgException(file + ": the source text is not valid UTF-8: " + e.getMessage(), e);
        }
        return new SourceText(file.toString(), text, Sha256.hex(bytes));
    }

    /** A source text held in memory (tests, fixtures). */
    public static SourceText of(String name, String text) {
        Objects.requireNonNull(text, "text");
        return new SourceText(name, text, Sha256.hex(text));
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** Lower-case hex sha256 of the file's bytes. */
    public String sha256() {
        return sha256;
    }

    /** Length in code points. */
    public int length() {
        return text.codePointCount(0, text.length());
    }

    /** The code point offset of a UTF-16 index. */
    public int toCodePoint(int charIndex) {
        return text.codePointCount(0, charIndex);
    }

    /** The UTF-16 index of a code point offset. */
    public int toCharIndex(int codePoint) {
        return text.offsetByCodePoints(0, codePoint);
    }

    /** The text between two code point offsets, [start, end). */
    public String slice(int start, int end) {
        return text.substring(toCharIndex(start), toCharIndex(end));
    }
}
