package dev.mistralboot.client.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.http.client.ClientHttpResponse;

/**
 * An open binary answer (a file's content), read as a stream and never held whole in memory.
 * Close it when done: try-with-resources.
 */
public final class MistralDownload implements AutoCloseable {

	private final ClientHttpResponse response;

	private final ResponseMetadata metadata;

	MistralDownload(ClientHttpResponse response, ResponseMetadata metadata) {
		this.response = response;
		this.metadata = metadata;
	}

	/**
	 * The body. Read errors surface as {@link java.io.IOException}s of the stream.
	 * @return the body stream
	 */
	public InputStream body() {
		try {
			return this.response.getBody();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Status and headers.
	 * @return the metadata
	 */
	public ResponseMetadata metadata() {
		return this.metadata;
	}

	/**
	 * Closes the body and releases the connection. A body not read to its end is not drained:
	 * its connection is closed instead.
	 */
	@Override
	public void close() {
		try {
			// the body only: closing the response would first drain what is left of it
			this.response.getBody().close();
		}
		catch (IOException | RuntimeException ex) {
			this.response.close();
		}
	}

}
