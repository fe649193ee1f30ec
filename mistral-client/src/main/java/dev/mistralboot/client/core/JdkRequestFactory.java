package dev.mistralboot.client.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.FastByteArrayOutputStream;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;

/**
 * The core's own request factory over the JDK {@link HttpClient}, used when
 * {@link MistralHttp} builds its HTTP client itself. It behaves like Spring's
 * {@link JdkClientHttpRequestFactory} (same headers, {@code gzip}/{@code deflate}
 * decoding, the read timeout bounding the whole exchange) but costs less per call,
 * measured:
 * <ul>
 * <li>It calls {@link HttpClient#send} on the caller's thread. Spring's factory calls
 * {@code sendAsync}, and the JDK completes that future on {@code CompletableFuture}'s
 * default async pool: on a machine with 2 CPUs or fewer (the common pool then has a
 * parallelism of 1) that is a new thread per call.</li>
 * <li>A body given as a {@link ByteArrayBody} (the core's JSON bodies) is sent as a byte
 * array. Spring's factory writes every body on another thread
 * ({@code SimpleAsyncTaskExecutor}: a new thread per call unless the client has an
 * executor) and hands it over buffer by buffer.</li>
 * </ul>
 * Bodies written as a stream (multipart uploads, which may be large) go through Spring's
 * factory on the same client, so they are never held in memory.
 */
final class JdkRequestFactory implements ClientHttpRequestFactory {

	/** Headers the JDK client sets itself and refuses from callers (any case). */
	private static final Set<String> DISALLOWED_HEADERS = disallowedHeaders();

	private static final List<String> SUPPORTED_ENCODINGS = List.of("gzip", "deflate");

	private final HttpClient client;

	private final @Nullable Duration readTimeout;

	private final JdkClientHttpRequestFactory streamingBodies;

	/**
	 * Creates a factory that sends on the given client.
	 * @param client the client
	 * @param readTimeout the longest time from sending a request to the end of its
	 * answer, or {@code null} for none (streams, whose silence the core watches itself)
	 */
	JdkRequestFactory(HttpClient client, @Nullable Duration readTimeout) {
		this.client = client;
		this.readTimeout = readTimeout;
		this.streamingBodies = new JdkClientHttpRequestFactory(client);
		if (readTimeout != null) {
			this.streamingBodies.setReadTimeout(readTimeout);
		}
	}

	private static Set<String> disallowedHeaders() {
		Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		names.addAll(List.of("connection", "content-length", "expect", "host", "upgrade"));
		return Collections.unmodifiableSet(names);
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
		return new Request(uri, httpMethod, null);
	}

	/**
	 * Creates a request that sends the given headers as they are, ahead of any added to
	 * its {@link ClientHttpRequest#getHeaders()}: the core's direct path builds them once
	 * per client, so they are never put into (and read back out of) Spring's
	 * case-insensitive {@link HttpHeaders}.
	 * @param uri the URI
	 * @param httpMethod the method
	 * @param headers names and values, alternating; none of the names the JDK client
	 * refuses
	 * @return the request
	 */
	ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod, String[] headers) {
		return new Request(uri, httpMethod, headers);
	}

	/**
	 * A request body held as bytes, which {@link JdkRequestFactory} sends without copying
	 * it or handing it to another thread; any other factory simply has it written.
	 *
	 * @param bytes the body
	 */
	record ByteArrayBody(byte[] bytes) implements StreamingHttpOutputMessage.Body {

		@Override
		public void writeTo(OutputStream outputStream) throws IOException {
			outputStream.write(this.bytes);
		}

		@Override
		public boolean repeatable() {
			return true;
		}

	}

	private final class Request extends AbstractClientHttpRequest implements StreamingHttpOutputMessage {

		private final URI uri;

		private final HttpMethod method;

		private StreamingHttpOutputMessage.@Nullable Body body;

		private @Nullable FastByteArrayOutputStream buffer;

		private final String @Nullable [] preset;

		Request(URI uri, HttpMethod method, String @Nullable [] preset) {
			this.uri = uri;
			this.method = method;
			this.preset = preset;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		public void setBody(StreamingHttpOutputMessage.Body body) {
			this.body = body;
		}

		@Override
		protected OutputStream getBodyInternal(HttpHeaders headers) {
			if (this.buffer == null) {
				this.buffer = new FastByteArrayOutputStream(1024);
			}
			return this.buffer;
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers) throws IOException {
			byte[] bytes = null;
			if (this.body instanceof ByteArrayBody array) {
				bytes = array.bytes();
			}
			else if (this.body != null) {
				return delegate(headers, this.body);
			}
			else if (this.buffer != null) {
				bytes = this.buffer.toByteArrayUnsafe();
			}
			long start = System.nanoTime();
			HttpResponse<InputStream> response;
			try {
				response = JdkRequestFactory.this.client.send(build(headers, bytes),
						HttpResponse.BodyHandlers.ofInputStream());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Request was interrupted: " + ex.getMessage(), ex);
			}
			return new Response(response, deadline(response, start), JdkRequestFactory.this.readTimeout);
		}

		private HttpRequest build(HttpHeaders headers, byte @Nullable [] bytes) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri);
			Duration timeout = JdkRequestFactory.this.readTimeout;
			if (timeout != null) {
				builder.timeout(timeout);
			}
			boolean acceptEncoding = false;
			String[] preset = this.preset;
			if (preset != null) {
				for (int i = 0; i < preset.length; i += 2) {
					builder.header(preset[i], preset[i + 1]);
					acceptEncoding |= HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(preset[i]);
				}
			}
			if (!acceptEncoding && !headers.containsHeader(HttpHeaders.ACCEPT_ENCODING)) {
				if (headers.isEmpty()) {
					// the direct path: no map to fill and walk again
					for (String encoding : SUPPORTED_ENCODINGS) {
						builder.header(HttpHeaders.ACCEPT_ENCODING, encoding);
					}
				}
				else {
					headers.addAll(HttpHeaders.ACCEPT_ENCODING, SUPPORTED_ENCODINGS);
				}
			}
			if (!headers.isEmpty()) {
				headers.forEach((name, values) -> {
					if (!DISALLOWED_HEADERS.contains(name)) {
						for (String value : values) {
							builder.header(name, (value != null) ? value : "");
						}
					}
				});
			}
			if (bytes != null && bytes.length > 0) {
				builder.method(this.method.name(), HttpRequest.BodyPublishers.ofByteArray(bytes));
			}
			else if (this.method == HttpMethod.GET) {
				builder.GET();
			}
			else if (this.method == HttpMethod.DELETE) {
				builder.DELETE();
			}
			else {
				builder.method(this.method.name(), HttpRequest.BodyPublishers.noBody());
			}
			return builder.build();
		}

		/** A body written as a stream: Spring's factory streams it on the same client. */
		private ClientHttpResponse delegate(HttpHeaders headers, StreamingHttpOutputMessage.Body body)
				throws IOException {
			ClientHttpRequest request = JdkRequestFactory.this.streamingBodies.createRequest(this.uri, this.method);
			String[] preset = this.preset;
			if (preset != null) {
				for (int i = 0; i < preset.length; i += 2) {
					request.getHeaders().add(preset[i], preset[i + 1]);
				}
			}
			request.getHeaders().putAll(headers);
			((StreamingHttpOutputMessage) request).setBody(body);
			return request.execute();
		}

		/**
		 * The read timeout bounds the whole exchange: the JDK's request timeout ends at
		 * the headers, so the body is closed when the rest of the time has run out.
		 */
		private @Nullable Deadline deadline(HttpResponse<InputStream> response, long start) {
			Duration timeout = JdkRequestFactory.this.readTimeout;
			if (timeout == null) {
				return null;
			}
			long left = timeout.toNanos() - (System.nanoTime() - start);
			return new Deadline(response.body(), Math.max(left, 0));
		}

	}

	/** Closes an answer's body when the read timeout has run out. */
	private static final class Deadline implements Runnable {

		private final InputStream body;

		private final IdleWatchdog.Deadline future;

		private volatile boolean fired;

		Deadline(InputStream body, long delayNanos) {
			this.body = body;
			this.future = IdleWatchdog.runLater(this, delayNanos);
		}

		@Override
		public void run() {
			this.fired = true;
			try {
				this.body.close();
			}
			catch (IOException ex) {
				// the exchange is abandoned anyway
			}
		}

		void cancel() {
			this.future.cancel();
		}

		/**
		 * A read failure, reported as the timeout it is when the deadline closed the
		 * body.
		 */
		IOException failure(IOException ex, @Nullable Duration timeout) {
			if (!this.fired) {
				return ex;
			}
			HttpTimeoutException timedOut = new HttpTimeoutException("answer not complete within " + timeout);
			timedOut.initCause(ex);
			return timedOut;
		}

	}

	/**
	 * An answer's headers as the JDK client received them: a read-only view of its
	 * case-insensitive map (no copy), which outlives the response, so the core keeps it
	 * without copying it.
	 */
	static final class SnapshotHeaders extends HttpHeaders {

		private static final long serialVersionUID = 1L;

		SnapshotHeaders(Map<String, List<String>> unmodifiable) {
			super(MultiValueMap.fromMultiValue(unmodifiable));
		}

	}

	private static final class Response implements ClientHttpResponse {

		private final HttpResponse<InputStream> response;

		private final HttpHeaders headers;

		private final InputStream body;

		private final @Nullable Deadline deadline;

		Response(HttpResponse<InputStream> response, @Nullable Deadline deadline, @Nullable Duration timeout)
				throws IOException {
			this.response = response;
			this.deadline = deadline;
			HttpHeaders headers = new SnapshotHeaders(response.headers().map());
			InputStream body = response.body();
			if (deadline != null) {
				body = new FilterInputStream(body) {

					@Override
					public int read() throws IOException {
						try {
							return super.read();
						}
						catch (IOException ex) {
							throw deadline.failure(ex, timeout);
						}
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						try {
							return super.read(buffer, offset, length);
						}
						catch (IOException ex) {
							throw deadline.failure(ex, timeout);
						}
					}

					@Override
					public void close() throws IOException {
						deadline.cancel();
						super.close();
					}

				};
			}
			String encoding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
			if (encoding != null && SUPPORTED_ENCODINGS.contains(encoding.toLowerCase(Locale.ROOT))) {
				Map<String, List<String>> decoded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				decoded.putAll(response.headers().map());
				decoded.remove(HttpHeaders.CONTENT_ENCODING);
				decoded.remove(HttpHeaders.CONTENT_LENGTH);
				headers = new SnapshotHeaders(Collections.unmodifiableMap(decoded));
				body = decompress(body, encoding.toLowerCase(Locale.ROOT));
			}
			this.headers = headers;
			this.body = body;
		}

		private static InputStream decompress(InputStream body, String encoding) throws IOException {
			PushbackInputStream in = new PushbackInputStream(body);
			int first = in.read();
			if (first == -1) {
				return in;
			}
			in.unread(first);
			return "gzip".equals(encoding) ? new GZIPInputStream(in) : new InflaterInputStream(in);
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatusCode.valueOf(this.response.statusCode());
		}

		@Override
		public String getStatusText() {
			return (getStatusCode() instanceof HttpStatus status) ? status.getReasonPhrase() : "";
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return this.body;
		}

		@Override
		public void close() {
			if (this.deadline != null) {
				this.deadline.cancel();
			}
			try {
				try {
					// read to the end so the connection can be reused; an answer already
					// read to
					// its end (the usual case) costs one read, not a drain buffer
					if (this.body.read() >= 0) {
						StreamUtils.drain(this.body);
					}
				}
				finally {
					this.body.close();
				}
			}
			catch (IOException ex) {
				// nothing more to read
			}
		}

	}

}
