package org.gridmap.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.gridmap.error.DomainException;

/**
 * A request body that may not exceed a size: counts bytes as they are read and fails with 413 past
 * the limit. The guard refuses a too-large declared Content-Length before the handler runs; this
 * catches chunked bodies, which declare none.
 */
public final class LimitedBody extends FilterInputStream {
  private final long max;
  private long count;

  private LimitedBody(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  public static InputStream of(InputStream in, long maxBytes) {
    return new LimitedBody(in, maxBytes);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      add(1);
    }
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long s = super.skip(n);
    add(s);
    return s;
  }

  private void add(long n) {
    count += n;
    if (count > max) {
      throw new DomainException(
          DomainException.Kind.TOO_LARGE,
          "payload_too_large",
          "The request body has more than " + max + " bytes, the most this route accepts");
    }
  }
}
