package org.sovietpolicykg.diagnostics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one way the build reads its inputs (ontology/, data/, queries/): only regular files inside the project folder.
 * A symbolic link that leads out of the project is refused by its own name, and what it points at is never read or
 * shown (a pull request could otherwise make the build print a machine's files). A file must be text: not empty
 * (where a file is expected to say something), no NUL byte, valid UTF-8; each fault is reported with the file and
 * the line, or the byte offset, where it is.
 */
public final class InputFiles {
    private InputFiles() {}

    /** Whether a path, with every link on the way resolved, is inside the project folder. */
    public static boolean isInside(Path projectDir, Path file) {
        try {
            return file.toRealPath().startsWith(projectDir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The files of a folder whose names end with {@code suffix}, in name order; a file that is a link out of the
     * project is reported and left out. A folder that does not exist gives no file (the caller says whether it must).
     */
    public static List<Path> list(Path projectDir, Path dir, String suffix, String display, Problems problems) {
        if (!Files.isDirectory(dir))
            return List.of();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            problems.add(display, 0, 0, "cannot list: " + e.getMessage());
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            String name = display + "/" + f.getFileName();
            if (!isInside(projectDir, f))
                problems.add(name, 0, 0, "is a symbolic link to a place outside the project; expected a regular file inside it"
                        + " (the link is not followed)");
            else if (Files.isRegularFile(f))
                out.add(f);
        }
        return out;
    }

    /**
     * A file's text, or empty with the problem recorded: not inside the project, not a regular file, empty (with
     * {@code expected} saying what it should hold), binary, or not UTF-8.
     */
    public static Optional<String> readText(Path projectDir, Path file, String display, String expected, Problems problems) {
        if (Files.isSymbolicLink(file) && !isInside(projectDir, file)) {
            problems.add(display, 0, 0, "is a symbolic link to a place outside the project; expected a regular file inside it"
                    + " (the link is not followed)");
            return Optional.empty();
        }
        if (!isInside(projectDir, file)) {
            problems.add(display, 0, 0, "is outside the project; expected a file inside it");
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
            problems.add(display, 0, 0, "missing or not a regular file; expected " + expected);
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(display, 0, 0, "cannot read: " + e.getMessage());
            return Optional.empty();
        }
        return decode(bytes, display, expected, problems);
    }

    /** Bytes as UTF-8 text, with the first fault reported at its line and byte offset. */
    public static Optional<String> decode(byte[] bytes, String display, String expected, Problems problems) {
        for (int i = 0; i < bytes.length; i++)
            if (bytes[i] == 0) {
                problems.add(display, lineAt(bytes, i), 0, "is not text: a NUL byte at byte offset " + i + "; expected " + expected);
                return Optional.empty();
            }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            problems.add(display, lineAt(bytes, at), 0, "is not valid UTF-8: byte offset " + at + " (0x"
                    + String.format("%02x", bytes[at] & 0xff) + ") starts no UTF-8 character; expected UTF-8 text");
            return Optional.empty();
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.isBlank()) {
            problems.add(display, 0, 0, "is empty; expected " + expected);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++)
            if (bytes[i] == '\n')
                line++;
        return line;
    }
}
