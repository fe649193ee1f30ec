package dev.mistralboot.client.core;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Gives every request factory (the core's JDK one, Spring's JDK, Reactor Netty, Apache or
 * Jetty ones) the same failure behaviour, so that the core does not depend on what each
 * library does with its own timeouts:
 * <ul>
 * <li>the <em>upload timeout</em>: sending a request body may not stall (no byte
 * accepted) for longer; the time a large upload takes otherwise is not limited;</li>
 * <li>the <em>response timeout</em> (when set) bounds the whole answer, headers and body,
 * counted from the end of the upload (Reactor Netty applies its read timeout between two
 * reads only; the JDK's request timeout includes the upload);</li>
 * <li>failures are {@link IOException}s: Reactor Netty's blocking body throws
 * {@code reactor.core.Exceptions$ReactiveException} and other unchecked exceptions, which
 * are unwrapped; a failure while the body is read is marked as such
 * ({@link Failures.AnswerCutException}), so it is never retried as a connection closed
 * before the answer; a body whose deadline closed it is a timeout, never an early end of
 * file;</li>
 * <li>a GET or HEAD that the JDK HTTP client sent twice by itself (it resends those once
 * when the connection closes before any byte of the answer, and has no setting to turn
 * that off) is marked ({@link Failures.ResentByClientException}), so that the core counts
 * both attempts.</li>
 * </ul>
 * The deadline is enforced by interrupting the calling thread while it waits for the
 * headers (every client library cancels its exchange then) and by closing the body while
 * it is read.
 */
final class GuardedRequestFactory implements ClientHttpRequestFactory {

	/**
	 * A request attribute holding a {@link Duration}: the response timeout of that one
	 * call, instead of the factory's.
	 */
	static final String RESPONSE_TIMEOUT_ATTRIBUTE = GuardedRequestFactory.class.getName() + ".responseTimeout";

	private final ClientHttpRequestFactory delegate;

	private final @Nullable Duration responseTimeout;

	private final Duration uploadTimeout;

	private final boolean resendsIdempotent;

	/**
	 * Guards a factory.
	 * @param delegate the factory doing the work
	 * @param responseTimeout the longest time from the end of the upload to the end of
	 * the answer, or {@code null} for none (streams and downloads, watched by the core)
	 * @param uploadTimeout the longest time an upload may stall
	 */
	GuardedRequestFactory(ClientHttpRequestFactory delegate, @Nullable Duration responseTimeout,
			Duration uploadTimeout) {
		this.delegate = delegate;
		this.responseTimeout = responseTimeout;
		this.uploadTimeout = uploadTimeout;
		this.resendsIdempotent = delegate instanceof JdkRequestFactory
				|| delegate instanceof JdkClientHttpRequestFactory;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return new Request(this.delegate.createRequest(uri, httpMethod));
	}

	/**
	 * Creates a request with headers given as names and values: the core's own JDK
	 * factory sends them as they are, any other factory has them added to its request's
	 * headers.
	 * @param uri the URI
	 * @param httpMethod the method
	 * @param headers names and values, alternating
	 * @return the request
	 * @throws IOException when the delegate cannot create the request
	 */
	ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod, String[] headers) throws IOException {
		if (this.delegate instanceof JdkRequestFactory jdk) {
			return new Request(jdk.createRequest(uri, httpMethod, headers));
		}
		ClientHttpRequest request = this.delegate.createRequest(uri, httpMethod);
		for (int i = 0; i < headers.length; i += 2) {
			request.getHeaders().add(headers[i], headers[i + 1]);
		}
		return new Request(request);
	}

	private static void closeQuietly(InputStream body) {
		try {
			body.close();
		}
		catch (IOException | RuntimeException ex) {
			// closing anyway
		}
	}

	/** Where one exchange stands, and the timers watching it. */
	private final class Exchange {

		private final Thread caller;

		private @Nullable Duration responseTimeout = GuardedRequestFactory.this.responseTimeout;

		private @Nullable IdleWatchdog upload;

		private IdleWatchdog.@Nullable Deadline deadline;

		private @Nullable InputStream body;

		private boolean waiting = true;

		private boolean uploadStalled;

		private boolean timedOut;

		private boolean finished;

		Exchange(Thread caller) {
			this.caller = caller;
		}

		/** This call's response timeout, set before the exchange starts. */
		synchronized void timeout(Duration timeout) {
			this.responseTimeout = timeout;
		}

		/** The body starts to be sent: its stalls are watched. */
		synchronized void uploading() {
			if (!this.finished && this.upload == null) {
				this.upload = new IdleWatchdog(GuardedRequestFactory.this.uploadTimeout, this::uploadStalled);
			}
		}

		void wrote() {
			IdleWatchdog dog = this.upload;
			if (dog != null) {
				dog.touch();
			}
		}

		/** The body was sent: the response timeout starts. */
		synchronized void uploaded() {
			if (this.upload != null) {
				this.upload.stop();
			}
			Duration timeout = this.responseTimeout;
			if (!this.finished && this.deadline == null && timeout != null) {
				this.deadline = IdleWatchdog.runLater(this::timedOut, timeout.toNanos());
			}
		}

		private synchronized void uploadStalled() {
			if (this.finished) {
				return;
			}
			this.uploadStalled = true;
			abort();
		}

		private synchronized void timedOut() {
			if (this.finished) {
				return;
			}
			this.timedOut = true;
			abort();
		}

		private void abort() {
			if (this.waiting) {
				this.caller.interrupt();
			}
			else if (this.body != null) {
				try {
					this.body.close();
				}
				catch (IOException | RuntimeException ex) {
					// the exchange is abandoned anyway
				}
			}
		}

		/**
		 * The headers arrived ({@code body == null}), or the body was opened: from now on
		 * a timer closes the body rather than interrupting the caller.
		 */
		synchronized void received(@Nullable InputStream body) {
			if (this.waiting && (this.timedOut || this.uploadStalled)) {
				Thread.interrupted();
			}
			this.waiting = false;
			if (body != null) {
				this.body = body;
			}
		}

		synchronized boolean fired() {
			return this.timedOut || this.uploadStalled;
		}

		/** The answer was read to its end, or closed: the timers stop. */
		synchronized void finish() {
			if (this.finished) {
				return;
			}
			this.finished = true;
			if (this.upload != null) {
				this.upload.stop();
			}
			if (this.deadline != null) {
				this.deadline.cancel();
			}
		}

		/**
		 * Translates a failure: a timeout when a timer fired, the cause of an unchecked
		 * wrapper, a mark for a request the JDK client sent twice.
		 */
		IOException failure(Throwable failure, HttpMethod method, boolean reading) {
			boolean stalled;
			boolean late;
			synchronized (this) {
				stalled = this.uploadStalled;
				late = this.timedOut;
				if (this.waiting && (stalled || late)) {
					// the interrupt was meant for the wait that just ended
					Thread.interrupted();
				}
			}
			finish();
			IOException io = Failures.toIoException(failure);
			if (stalled) {
				return new Failures.UploadStalledException(GuardedRequestFactory.this.uploadTimeout, io);
			}
			if (late) {
				return new Failures.AnswerTimeoutException(this.responseTimeout, io);
			}
			if (reading) {
				return (io instanceof Failures.AnswerCutException) ? io : new Failures.AnswerCutException(io);
			}
			if (GuardedRequestFactory.this.resendsIdempotent && (method == HttpMethod.GET || method == HttpMethod.HEAD)
					&& Failures.isClosedBeforeAnswer(io)) {
				return new Failures.ResentByClientException(io);
			}
			return io;
		}

	}

	private final class Request implements ClientHttpRequest, StreamingHttpOutputMessage {

		private final ClientHttpRequest delegate;

		private final Exchange exchange = new Exchange(Thread.currentThread());

		private boolean streamed;

		Request(ClientHttpRequest delegate) {
			this.delegate = delegate;
		}

		@Override
		public HttpMethod getMethod() {
			return this.delegate.getMethod();
		}

		@Override
		public URI getURI() {
			return this.delegate.getURI();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.delegate.getAttributes();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

		@Override
		public OutputStream getBody() throws IOException {
			return this.delegate.getBody();
		}

		@Override
		public void setBody(StreamingHttpOutputMessage.Body body) {
			if (!(this.delegate instanceof StreamingHttpOutputMessage streaming)) {
				try {
					body.writeTo(this.delegate.getBody());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				return;
			}
			if (body instanceof JdkRequestFactory.ByteArrayBody
					&& this.delegate.getClass().getName().startsWith(JdkRequestFactory.class.getName())) {
				// sent as one array by the JDK client: no stream to watch
				streaming.setBody(body);
				return;
			}
			this.streamed = true;
			Exchange watched = this.exchange;
			streaming.setBody(new StreamingHttpOutputMessage.Body() {

				@Override
				public void writeTo(OutputStream outputStream) throws IOException {
					watched.uploading();
					body.writeTo(new FilterOutputStream(outputStream) {

						@Override
						public void write(int b) throws IOException {
							this.out.write(b);
							watched.wrote();
						}

						@Override
						public void write(byte[] b, int off, int len) throws IOException {
							this.out.write(b, off, len);
							watched.wrote();
						}

						@Override
						public void close() throws IOException {
							this.out.close();
						}

					});
					watched.uploaded();
				}

				@Override
				public boolean repeatable() {
					return body.repeatable();
				}

			});
		}

		@Override
		public ClientHttpResponse execute() throws IOException {
			if (getAttributes().get(RESPONSE_TIMEOUT_ATTRIBUTE) instanceof Duration timeout) {
				this.exchange.timeout(timeout);
			}
			if (this.streamed) {
				// the body is written while the request executes (on this thread or
				// another): its stalls count from now
				this.exchange.uploading();
			}
			else {
				this.exchange.uploaded();
			}
			ClientHttpResponse response;
			try {
				response = this.delegate.execute();
			}
			catch (IOException | RuntimeException ex) {
				throw this.exchange.failure(ex, getMethod(), false);
			}
			// a body sent before the answer (the usual case) is complete; one still being
			// written is not watched any more: the answer came
			this.exchange.uploaded();
			this.exchange.received(null);
			if (this.exchange.fired()) {
				response.close();
				throw this.exchange.failure(new IOException("timed out"), getMethod(), false);
			}
			return new Response(response, this.exchange, getMethod());
		}

	}

	/** The answer's body: failures typed, the end of the answer stops the timers. */
	private static final class GuardedBody extends FilterInputStream {

		private final Exchange exchange;

		private final HttpMethod method;

		GuardedBody(InputStream in, Exchange exchange, HttpMethod method) {
			super(in);
			this.exchange = exchange;
			this.method = method;
		}

		@Override
		public int read() throws IOException {
			int read;
			try {
				read = this.in.read();
			}
			catch (IOException | RuntimeException ex) {
				throw this.exchange.failure(ex, this.method, true);
			}
			return ended(read);
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int read;
			try {
				read = this.in.read(b, off, len);
			}
			catch (IOException | RuntimeException ex) {
				throw this.exchange.failure(ex, this.method, true);
			}
			return ended(read);
		}

		@Override
		public int available() throws IOException {
			try {
				return this.in.available();
			}
			catch (IOException | RuntimeException ex) {
				throw this.exchange.failure(ex, this.method, true);
			}
		}

		private int ended(int read) throws IOException {
			if (read < 0) {
				if (this.exchange.fired()) {
					// the deadline closed the body: its end of file is not the answer's
					throw this.exchange.failure(new IOException("closed"), this.method, true);
				}
				this.exchange.finish();
			}
			return read;
		}

		@Override
		public void close() throws IOException {
			this.exchange.finish();
			try {
				this.in.close();
			}
			catch (RuntimeException ex) {
				// already released
			}
		}

	}

	private static final class Response implements ClientHttpResponse {

		private final ClientHttpResponse delegate;

		private final Exchange exchange;

		private final HttpMethod method;

		private @Nullable InputStream body;

		Response(ClientHttpResponse delegate, Exchange exchange, HttpMethod method) {
			this.delegate = delegate;
			this.exchange = exchange;
			this.method = method;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.delegate.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.delegate.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

		@Override
		public synchronized InputStream getBody() throws IOException {
			if (this.body == null) {
				InputStream opened;
				try {
					opened = this.delegate.getBody();
				}
				catch (IOException | RuntimeException ex) {
					throw this.exchange.failure(ex, this.method, true);
				}
				this.exchange.received(opened);
				if (this.exchange.fired()) {
					closeQuietly(opened);
					throw this.exchange.failure(new IOException("closed"), this.method, true);
				}
				this.body = new GuardedBody(opened, this.exchange, this.method);
			}
			return this.body;
		}

		@Override
		public void close() {
			this.exchange.finish();
			try {
				this.delegate.close();
			}
			catch (RuntimeException ex) {
				// the connection is dropped rather than reused
			}
		}

	}

}
