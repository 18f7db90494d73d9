package org.sovietpolicykg.server.cache;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.server.http.ConditionalGet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The one cache of answers for the SPARQL endpoint ({@link EndpointAnswers}) and the canned queries: the dataset
 * cannot change while the server runs, so an answer depends only on what its {@link Key} holds, and every input that
 * changes its bytes must be there: the route, the normalised request, the negotiated format and the public URL the
 * answer writes (a JSON-LD answer names the context by it). One size bound in bytes (Caffeine), one ETag rule (the
 * dataset's fingerprint and the key), one 304 path ({@link ConditionalGet}). A bound of 0 keeps nothing.
 * <pre>
 *   AnswerCache.Key key = AnswerCache.key("api/timeline", "{}", "csv", PublicUrl.of(req));
 *   if (cache.revalidate(req, resp, key)) return;               // 304
 *   cache.send(resp, key, cache.get(key, () -> run(...)));      // 200, kept
 * </pre>
 */
public final class AnswerCache {
    /** A client may reuse a kept answer for five minutes, then revalidates. */
    public static final String CACHE_CONTROL = ConditionalGet.KEPT_ANSWER;

    /** A header of an answer, replayed as it was written ({@code add}: added beside others of its name). */
    public record Header(String name, String value, boolean add) {}

    /** An answer as it is sent: its media type, the headers of its own, its bytes. */
    public record Answer(String contentType, List<Header> headers, byte[] body) {
        public Answer {
            Objects.requireNonNull(contentType, "contentType");
            headers = List.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }

        int weight() {
            int w = body.length + 64;
            for (Header h : headers)
                w += h.name().length() + h.value().length();
            return w;
        }
    }

    /** What an answer depends on: made only by {@link AnswerCache#key}, which asks for every part. */
    public record Key(String text) {}

    private final String fingerprint;
    private final long maxBytes;
    private final Cache<String, Answer> answers;

    /** The share of the largest heap that answers kept may take at most, whatever {@code --answer-cache-mb} says. */
    static final int HEAP_SHARE = 16;

    /**
     * A cache of at most {@code maxBytes} of answers of the dataset of this fingerprint, and at most a sixteenth of the
     * largest heap (4 MiB in {@code -Xmx64m}): kept answers are live objects that no query's limit sees.
     */
    public AnswerCache(String fingerprint, long maxBytes) {
        if (maxBytes < 0)
            throw new IllegalArgumentException("Illegal answer cache bound=" + maxBytes + ": expected 0 or more bytes");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        maxBytes = Math.min(maxBytes, Runtime.getRuntime().maxMemory() / HEAP_SHARE);
        this.maxBytes = maxBytes;
        this.answers = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((String k, Answer a) -> 2 * k.length() + a.weight()).build();
    }

    /**
     * The key of an answer: the route ({@code sparql}, {@code api/NAME}), the request in its normal form (the query, the
     * other parameters), the format as negotiated (or the headers it is negotiated from) and the public URL.
     */
    public static Key key(String route, String request, String format, String publicUrl) {
        return new Key(Objects.requireNonNull(route, "route") + "\n" + Objects.requireNonNull(request, "request") + "\nformat: "
                + Objects.requireNonNull(format, "format") + "\nurl: " + Objects.requireNonNull(publicUrl, "publicUrl"));
    }

    /** Whether answers are kept at all (a bound above 0). */
    public boolean keeps() {
        return maxBytes > 0;
    }

    /** The largest answer kept: an eighth of the bound. */
    public long maxAnswerBytes() {
        return maxBytes / 8;
    }

    /** The strong entity tag of the answer to this key. */
    public String etag(Key key) {
        return "\"" + Sha256.hex(fingerprint + "\n" + key.text()).substring(0, 32) + "\"";
    }

    /**
     * A 304 with the key's tag and {@code Cache-Control} when the client holds the answer (true); else the response is
     * left untouched (false): a 200 gets its tag from {@link #send}, or once it proves to be an answer to keep.
     */
    public boolean revalidate(HttpServletRequest req, HttpServletResponse resp, Key key) {
        String etag = etag(key);
        return ConditionalGet.isNotModified(req, etag, -1) && ConditionalGet.revalidate(req, resp, etag, CACHE_CONTROL, -1);
    }

    /** The kept answer, or null. */
    public Answer getIfPresent(Key key) {
        return answers.getIfPresent(key.text());
    }

    /** The kept answer, made by {@code make} if there is none (and kept if it fits). */
    public Answer get(Key key, Supplier<Answer> make) {
        Answer kept = answers.getIfPresent(key.text());
        if (kept != null)
            return kept;
        Answer fresh = make.get();
        put(key, fresh);
        return fresh;
    }

    /** Keeps an answer, if answers are kept and it is at most {@link #maxAnswerBytes}. */
    public void put(Key key, Answer answer) {
        if (keeps() && answer.body().length <= maxAnswerBytes())
            answers.put(key.text(), answer);
    }

    /** Writes an answer with the key's tag: status 200, its headers, its bytes. */
    public void send(HttpServletResponse resp, Key key, Answer a) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        for (Header h : a.headers()) {
            if (h.add())
                resp.addHeader(h.name(), h.value());
            else
                resp.setHeader(h.name(), h.value());
        }
        resp.setContentType(a.contentType());
        if (!a.contentType().toLowerCase(Locale.ROOT).contains("charset="))
            resp.setCharacterEncoding("UTF-8");
        resp.setHeader("ETag", etag(key));
        resp.setHeader("Cache-Control", CACHE_CONTROL);
        resp.setContentLength(a.body().length);
        resp.getOutputStream().write(a.body());
    }

    /** How many bytes of answers (and their keys) are kept now, as the bound counts them. */
    public long weight() {
        answers.cleanUp();
        return answers.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** How many answers are kept now. */
    public long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }
}
