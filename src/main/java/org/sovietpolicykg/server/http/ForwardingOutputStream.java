package org.sovietpolicykg.server.http;

import java.io.IOException;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * A response's output stream that passes every write on to the one it wraps, after {@link #beforeWrite} has seen it
 * (and may drop it): the base of the wrappers that count an answer's bytes ({@link ResponseLimitFilter}) and copy them
 * (the answer cache).
 */
public abstract class ForwardingOutputStream extends ServletOutputStream {
    private final ServletOutputStream inner;

    protected ForwardingOutputStream(ServletOutputStream inner) {
        this.inner = inner;
    }

    /** Sees {@code len} bytes before they are written; false drops them. May throw to stop the answer. */
    protected abstract boolean beforeWrite(byte[] b, int off, int len) throws IOException;

    @Override
    public void write(int b) throws IOException {
        byte[] one = {(byte) b};
        if (beforeWrite(one, 0, 1))
            inner.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (beforeWrite(b, off, len))
            inner.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        inner.flush();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }

    @Override
    public boolean isReady() {
        return inner.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        inner.setWriteListener(listener);
    }
}
