package dev.mistralboot.client.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpResponse;

/**
 * An open binary answer (a file's content), read as a stream and never held whole in
 * memory. Close it when done: try-with-resources.
 *
 * <pre>{@code
 * try (MistralDownload download = files.download(fileId)) {
 *     download.transferTo(Path.of("results.jsonl"));
 * }
 * }</pre>
 *
 * <h2>Failures while reading</h2> {@link #body()} is a plain {@link InputStream}: a
 * connection cut in the middle of the body raises an {@link IOException} from
 * {@code read}, whose message names the request and how many bytes had arrived, with the
 * client library's exception as its cause. A body that stays silent for longer than the
 * stream idle timeout ({@code mistral.http.stream-idle-timeout}) while a {@code read}
 * waits raises a {@link SocketTimeoutException} (also an {@code IOException}); time the
 * caller spends between two reads does not count. {@link #transferTo(OutputStream)} and
 * {@link #transferTo(Path)} wrap the same failures in the unchecked
 * {@link MistralIoException} ({@link MistralTimeoutException} for the idle timeout), like
 * every other call of this library.
 */
public final class MistralDownload implements AutoCloseable {

	private final ApiRequest request;

	private final ClientHttpResponse response;

	private final ResponseMetadata metadata;

	private final @Nullable IdleWatchdog watchdog;

	private final Duration idleTimeout;

	private @Nullable Body body;

	/** Guards {@link #reader} and {@link #aborted}: no interrupt outlives its read. */
	private final Object readerLock = new Object();

	private @Nullable Thread reader;

	private boolean aborted;

	private boolean closed;

	MistralDownload(ApiRequest request, ClientHttpResponse response, ResponseMetadata metadata,
			@Nullable IdleWatchdog watchdog, Duration idleTimeout) {
		this.request = request;
		this.response = response;
		this.metadata = metadata;
		this.watchdog = watchdog;
		this.idleTimeout = idleTimeout;
		if (watchdog != null) {
			watchdog.pause();
		}
	}

	/**
	 * The body, read from the network as it is consumed. Every call returns the same
	 * stream. Read failures surface as {@link IOException}s with the request and byte
	 * count in their message.
	 * @return the body stream
	 */
	public synchronized InputStream body() {
		if (this.body == null) {
			try {
				this.body = new Body(this.response.getBody());
			}
			catch (IOException ex) {
				throw new MistralIoException(
						"I/O error while opening the body of " + this.request + ": " + ex.getMessage(), ex, false);
			}
		}
		return this.body;
	}

	/**
	 * Copies the whole body to a stream (which is not closed).
	 * @param out where to write
	 * @return the number of bytes copied
	 * @throws MistralIoException when reading the body or writing to {@code out} fails
	 * @throws MistralTimeoutException when the body stays silent for longer than the idle
	 * timeout
	 */
	public long transferTo(OutputStream out) {
		try {
			return body().transferTo(out);
		}
		catch (SocketTimeoutException ex) {
			throw new MistralTimeoutException(ex.getMessage(), this.idleTimeout, ex, false);
		}
		catch (IOException ex) {
			throw new MistralIoException(ex.getMessage(), ex, false);
		}
	}

	/**
	 * Copies the whole body to a file, replacing it if it exists.
	 * @param file the target file
	 * @return the number of bytes copied
	 * @throws MistralIoException when reading the body or writing the file fails
	 * @throws MistralTimeoutException when the body stays silent for longer than the idle
	 * timeout
	 */
	public long transferTo(Path file) {
		try (OutputStream out = Files.newOutputStream(file)) {
			return transferTo(out);
		}
		catch (IOException ex) {
			throw new MistralIoException("Could not write " + file + ": " + ex.getMessage(), ex, false);
		}
	}

	/**
	 * How many bytes of the body have been read so far.
	 * @return the count
	 */
	public synchronized long bytesRead() {
		return (this.body != null) ? this.body.count : 0;
	}

	/**
	 * The longest silence of the body this download allows while a read waits.
	 * @return the stream idle timeout of the call
	 */
	public Duration idleTimeout() {
		return this.idleTimeout;
	}

	/**
	 * Status and headers.
	 * @return the metadata
	 */
	public ResponseMetadata metadata() {
		return this.metadata;
	}

	/**
	 * Called by the watchdog when a read waited for longer than the idle timeout: closes
	 * the connection and interrupts the waiting reader (closing alone does not wake every
	 * client library).
	 */
	void abort() {
		synchronized (this.readerLock) {
			this.aborted = true;
			if (this.reader != null) {
				this.reader.interrupt();
			}
		}
		closeBody();
	}

	/**
	 * Closes the body stream without reading the rest first
	 * ({@link ClientHttpResponse#close()} of some request factories drains the body,
	 * which would download the rest of an abandoned file, or wait for a silent server).
	 */
	private void closeBody() {
		try {
			this.response.getBody().close();
		}
		catch (IOException | RuntimeException ex) {
			// already closed or never opened
		}
	}

	/**
	 * Closes the body and releases the connection, without downloading what was not read.
	 * Idempotent.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.watchdog != null) {
			this.watchdog.stop();
		}
		closeBody();
		this.response.close();
	}

	@Override
	public String toString() {
		return "MistralDownload[" + this.request + ", status=" + this.metadata.statusCode() + "]";
	}

	/** Counts bytes, watches silence, and says which download failed. */
	private final class Body extends FilterInputStream {

		private long count;

		Body(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int read = guard(() -> super.read());
			if (read >= 0) {
				this.count++;
			}
			return read;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int read = guard(() -> super.read(b, off, len));
			if (read > 0) {
				this.count += read;
			}
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = guard(() -> (int) Math.min(Integer.MAX_VALUE, super.skip(Math.min(n, Integer.MAX_VALUE))));
			this.count += skipped;
			return skipped;
		}

		@Override
		public void close() {
			MistralDownload.this.close();
		}

		private int guard(IoCall call) throws IOException {
			IdleWatchdog dog = MistralDownload.this.watchdog;
			if (dog != null) {
				synchronized (MistralDownload.this.readerLock) {
					MistralDownload.this.reader = Thread.currentThread();
				}
				dog.resume();
			}
			try {
				int result = call.run();
				if (result < 0 && dog != null) {
					if (dog.hasFired()) {
						// the watchdog closed the body: some clients (Reactor Netty) then
						// report an end of file, which is not the end of the download
						throw new IOException("closed by the idle timeout");
					}
					dog.stop();
				}
				return result;
			}
			catch (IOException | UncheckedIOException ex) {
				Throwable cause = (ex instanceof UncheckedIOException unchecked) ? unchecked.getCause() : ex;
				if (dog != null && dog.hasFired()) {
					SocketTimeoutException timeout = new SocketTimeoutException(
							"The download of " + MistralDownload.this.request + " was silent for longer than "
									+ MistralDownload.this.idleTimeout + " after " + this.count
									+ " bytes. Raise mistral.http.stream-idle-timeout if the server needs longer.");
					timeout.initCause(cause);
					throw timeout;
				}
				if (MistralDownload.this.closed) {
					throw new IOException("The download of " + MistralDownload.this.request + " was closed", cause);
				}
				throw new IOException("I/O error while downloading " + MistralDownload.this.request + " after "
						+ this.count + " bytes: " + cause.getMessage(), cause);
			}
			finally {
				if (dog != null) {
					dog.pause();
					synchronized (MistralDownload.this.readerLock) {
						MistralDownload.this.reader = null;
						if (MistralDownload.this.aborted) {
							// the watchdog's interrupt was meant for the read that just
							// ended
							Thread.interrupted();
						}
					}
				}
			}
		}

	}

	@FunctionalInterface
	private interface IoCall {

		int run() throws IOException;

	}

}
