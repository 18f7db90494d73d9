package org.sovietpolicykg.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler.ContentLoader;
import org.eclipse.jetty.server.handler.EagerContentHandler.ContentLoaderFactory;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Request bodies read before a thread is given to the request, and only for so long. Fuseki reads a POST's body with
 * blocking IO, so a client that declares a body and sends a byte a second held one of the server's threads each: 250
 * such connections left {@code /health} without an answer. In front of the servlets, Jetty's {@link EagerContentHandler}
 * loads a body (a form in full, parsed; any other body retained, without a copy) asynchronously, and calls the servlets
 * only once it is all there, so a slow body holds a connection and a buffer but no thread. A body must arrive within
 * {@code maxMs} of its request: after that the answer is a {@code 408} and the connection is closed. Bodies over the
 * request limit, or of unknown length, are not loaded here: {@link RequestLimitFilter} answers them (413, 411) without
 * reading them.
 * <pre>
 *   Handler front = RequestBodies.loadFirst(servlets, maxRequestBytes, 10_000);
 * </pre>
 */
public final class RequestBodies {
    private RequestBodies() {}

    /** {@code next} behind a handler that loads each request's body (up to {@code maxBytes}) within {@code maxMs} before calling it. */
    public static Handler loadFirst(Handler next, int maxBytes, long maxMs) {
        EagerContentHandler eager = new EagerContentHandler(
                new Deadline(new EagerContentHandler.FormContentLoaderFactory(-1, maxBytes), maxMs),
                new Deadline(new EagerContentHandler.RetainedContentLoaderFactory(maxBytes + 64L * 1024, -1, false), maxMs));
        // only a body of known length within the limit; the rest go straight on, to be refused unread
        eager.include(r -> {
            long n = r.getLength();
            return n > 0 && n <= maxBytes;
        });
        eager.setHandler(next);
        return eager;
    }

    /** A loader factory whose loaders answer 408 when the body is not in within the time given. */
    private static final class Deadline implements ContentLoaderFactory {
        private final ContentLoaderFactory loaders;
        private final long maxMs;

        Deadline(ContentLoaderFactory loaders, long maxMs) {
            this.loaders = loaders;
            this.maxMs = maxMs;
        }

        @Override
        public String getApplicableMimeType() {
            return loaders.getApplicableMimeType();
        }

        @Override
        public ContentLoader newContentLoader(String contentType, String mimeType, Handler handler, Request request, Response response,
                Callback callback) {
            AtomicBoolean decided = new AtomicBoolean();
            Scheduler.Task[] timer = new Scheduler.Task[1];
            Handler once = new Handler.Abstract() {
                @Override
                public boolean handle(Request req, Response resp, Callback cb) throws Exception {
                    if (!decided.compareAndSet(false, true))
                        return true; // too late: the 408 has gone
                    if (timer[0] != null)
                        timer[0].cancel();
                    return handler.handle(req, resp, cb);
                }
            };
            ContentLoader loader = loaders.newContentLoader(contentType, mimeType, once, request, response, callback);
            if (loader == null)
                return null;
            timer[0] = request.getComponents().getScheduler().schedule(() -> {
                if (decided.compareAndSet(false, true))
                    tooSlow(request, response, callback);
            }, maxMs, TimeUnit.MILLISECONDS);
            return loader;
        }

        private void tooSlow(Request request, Response response, Callback callback) {
            byte[] body = ("The request's body (" + request.getLength() + " bytes declared) did not arrive within " + maxMs
                    + " ms; send it at once, or not at all\n").getBytes(StandardCharsets.UTF_8);
            response.setStatus(408);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
