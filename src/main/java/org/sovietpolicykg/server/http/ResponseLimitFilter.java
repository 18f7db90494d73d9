package org.sovietpolicykg.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.KgException;

/**
 * Bounds the size of an answer and makes an answer cut short look like an error to the client, never like a complete
 * 200. The first {@code bufferBytes} of a response are buffered, so that an answer stopped within them (too many rows,
 * the time limit) still gets its proper status; past them the answer streams, and one that is then stopped (over
 * {@code maxBytes}, over the row limit, out of time) ends with the connection aborted, so that the client reports an
 * incomplete response instead of parsing a truncated one.
 */
public final class ResponseLimitFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseLimitFilter.class);
    public static final String LIMITED = "kg.limitedResponse";
    /** Set on a request whose answer was stopped before its end: whatever was written of it is not an answer to keep. */
    public static final String STOPPED = "kg.stoppedResponse";

    private final long maxBytes;
    private final int bufferBytes;

    public ResponseLimitFilter(long maxBytes, int bufferBytes) {
        this.maxBytes = maxBytes;
        this.bufferBytes = bufferBytes;
    }

    /**
     * The answer to this request is stopped before its end, for {@code why} (called where it is stopped). While the
     * answer is still in the buffer, it is replaced by the error, with its own status and message, and whatever the
     * server would still write is dropped; once its status line has been sent, the connection is aborted at once
     * (closing its end point, Jetty's own abort), so that the client sees an incomplete response.
     */
    public static void stopped(HttpServletRequest req, HttpServletResponse resp, KgException why) {
        req.setAttribute(STOPPED, Boolean.TRUE);
        Object limited = req.getAttribute(LIMITED);
        if (!resp.isCommitted() && limited instanceof Limited l) {
            l.replaceWith(why);
            return;
        }
        // said in the log, as the client cannot be told: an operator (and bench/attack) can tell it from a failure
        LOG.warn("Answer broken off after it had started (" + why.status() + "): " + why.getMessage());
        ServletContextRequest.getServletContextRequest(req).getConnectionMetaData().getConnection().getEndPoint()
                .close(new IOException("Answer stopped after it had started: " + why.getMessage()));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.setBufferSize(bufferBytes);
        Limited limited = new Limited(resp, req);
        req.setAttribute(LIMITED, limited);
        chain.doFilter(request, limited);
    }

    private final class Limited extends HttpServletResponseWrapper {
        private final HttpServletRequest req;
        private ServletOutputStream out;
        /** Set once the answer has been replaced by an error: nothing more reaches the client. */
        private volatile boolean replaced;

        private final HttpServletResponse resp;

        Limited(HttpServletResponse resp, HttpServletRequest req) {
            super(resp);
            this.req = req;
            this.resp = resp;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null)
                out = new Counting(super.getOutputStream());
            return out;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return replaced ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
        }

        @Override
        public void setStatus(int sc) {
            if (!replaced)
                super.setStatus(sc);
        }

        @Override
        public void setContentType(String type) {
            if (!replaced)
                super.setContentType(type);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!replaced)
                super.setHeader(name, value);
        }

        /** The error instead of the answer that was buffered. */
        void replaceWith(KgException why) {
            try {
                HttpErrors.send(resp, why);
            } catch (IOException e) {
                // the client has gone; nothing to tell it
            }
            replaced = true;
        }

        private final class Counting extends ForwardingOutputStream {
            private long written;

            Counting(ServletOutputStream inner) {
                super(inner);
            }

            /** Whether to write: false once the answer is replaced; a write over the limit stops the answer. */
            @Override
            protected boolean beforeWrite(byte[] b, int off, int len) throws IOException {
                if (replaced)
                    return false;
                written += len;
                if (written > maxBytes) {
                    BadRequestException why = new BadRequestException("The answer is larger than " + maxBytes + " bytes, the most"
                            + " this endpoint sends; add a LIMIT (and OFFSET to page), or download the dumps for the whole graph");
                    stopped(req, resp, why);
                    throw new IOException(why.getMessage());
                }
                return true;
            }

            @Override
            public void flush() throws IOException {
                if (!replaced)
                    super.flush();
            }
        }
    }
}
