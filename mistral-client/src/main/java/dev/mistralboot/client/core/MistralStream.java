package dev.mistralboot.client.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;

/**
 * A server-sent event stream of parsed chunks, over a blocking connection (no WebFlux
 * needed). Use it once, in try-with-resources:
 *
 * <pre>{@code
 * try (MistralStream<ChatCompletionChunk> chunks = chat.stream(request)) {
 *     for (ChatCompletionChunk chunk : chunks) {
 *         System.out.print(chunk.text());
 *     }
 * }
 * }</pre>
 *
 * The stream ends at {@code data: [DONE]}; ending without it raises
 * {@link MistralStreamException}, as does an error event. The longest silence allowed
 * between events is the stream idle timeout ({@link MistralTimeoutException}). Failures
 * before the first chunk is delivered are retried under the retry policy; after that,
 * never. The body is read to its end before the connection is released, so the connection
 * can be reused.
 *
 * @param <T> the chunk type
 */
public final class MistralStream<T> implements Iterable<T>, AutoCloseable {

	private final MistralHttp http;

	private final ApiRequest request;

	private final byte[] body;

	private final StreamDecoder<T> decoder;

	private final ServerSentEventParser parser;

	private final ArrayDeque<T> ready = new ArrayDeque<>(4);

	private final byte[] buffer = new byte[8192];

	private final long start = System.nanoTime();

	private final MistralObservations.Handle observation;

	private @Nullable ClientHttpResponse response;

	private @Nullable InputStream in;

	private @Nullable IdleWatchdog watchdog;

	private ResponseMetadata metadata;

	private int delivered;

	private int attempt;

	private boolean finished;

	private boolean closed;

	private boolean iterated;

	/**
	 * A failure met while parsing, thrown once the chunks parsed before it were
	 * delivered.
	 */
	private @Nullable RuntimeException pendingFailure;

	MistralStream(MistralHttp http, ApiRequest request, byte[] body, ObjectReader reader) {
		this.http = http;
		this.request = request;
		this.body = body;
		this.decoder = new StreamDecoder<>(reader, http.errors(), request.toString());
		this.parser = new ServerSentEventParser(this::onEvent);
		this.observation = http.observations().start(request, true);
		this.metadata = connect(1);
	}

	/**
	 * Status and headers of the answer (of the last attempt, when the stream was
	 * retried).
	 * @return the metadata
	 */
	public ResponseMetadata metadata() {
		return this.metadata;
	}

	/**
	 * How many chunks were handed to the caller so far.
	 * @return the count
	 */
	public int delivered() {
		return this.delivered;
	}

	/**
	 * The chunks, as an iterator. A stream can be iterated once.
	 * @return the iterator
	 */
	@Override
	public Iterator<T> iterator() {
		if (this.iterated) {
			throw new IllegalStateException("A MistralStream can be iterated only once");
		}
		this.iterated = true;
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return MistralStream.this.hasNext();
			}

			@Override
			public T next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				MistralStream.this.delivered++;
				return MistralStream.this.ready.poll();
			}

		};
	}

	/**
	 * The chunks as a Java {@link Stream}; closing it closes this stream.
	 * @return the stream
	 */
	public Stream<T> stream() {
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(this::close);
	}

	/**
	 * Releases the connection. Reading stops; unread events are discarded. A stream
	 * closed before {@code [DONE]} is aborted (its connection closed) rather than read to
	 * its end, and its observation ends as cancelled.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.ready.clear();
		release(!this.finished);
		if (!this.finished) {
			this.observation.cancel();
		}
	}

	private boolean hasNext() {
		if (this.closed) {
			return false;
		}
		while (this.ready.isEmpty()) {
			RuntimeException failure = this.pendingFailure;
			if (failure != null) {
				this.pendingFailure = null;
				throw failure;
			}
			if (this.finished || this.closed) {
				return false;
			}
			fill();
		}
		return true;
	}

	private void fill() {
		int read;
		try {
			// Never ask for more than is there: some bodies (Spring's Reactor Netty one)
			// block in read(byte[]) until the whole buffer is full, which would hold
			// events back
			int available = this.in.available();
			if (available > 0) {
				read = this.in.read(this.buffer, 0, Math.min(available, this.buffer.length));
			}
			else {
				// wait for the next byte, then take what arrived with it (the JDK client
				// reports nothing available until its next buffer is opened): one parse
				// per network read
				read = this.in.read(this.buffer, 0, 1);
				available = (read > 0) ? this.in.available() : 0;
				if (available > 0) {
					int more = this.in.read(this.buffer, 1, Math.min(available, this.buffer.length - 1));
					if (more > 0) {
						read += more;
					}
				}
			}
		}
		catch (IOException ex) {
			failed(ex);
			return;
		}
		if (this.watchdog != null) {
			this.watchdog.touch();
		}
		if (read < 0) {
			try {
				this.parser.finish();
			}
			catch (MistralInvalidResponseException ex) {
				// an event cut in the middle: the stream was cut, reported below
			}
			if (!this.decoder.isDone()) {
				failed(null);
				return;
			}
			this.finished = true;
			release(false);
			this.observation.stop();
			return;
		}
		try {
			this.parser.feed(this.buffer, 0, read);
		}
		catch (RuntimeException ex) {
			// an error event or an unreadable chunk: deliver the chunks before it, then
			// throw
			this.finished = true;
			release(true);
			this.observation.error(ex);
			this.pendingFailure = ex;
			return;
		}
		if (this.decoder.isDone() && this.ready.isEmpty()) {
			drainAndFinish();
		}
	}

	private void onEvent(@Nullable String eventName, byte[] data, int length) {
		if (this.decoder.isDone()) {
			return;
		}
		T chunk = this.decoder.decode(eventName, data, length, this.delivered + this.ready.size());
		if (chunk != null) {
			this.ready.add(chunk);
			this.observation.chunk(chunk);
		}
	}

	/** Reads what follows [DONE] (normally nothing) so the connection can be reused. */
	private void drainAndFinish() {
		this.finished = true;
		try {
			while (this.in.read(this.buffer) >= 0) {
				// discard
			}
		}
		catch (IOException ex) {
			// the answer is complete; the connection just will not be reused
		}
		release(false);
		this.observation.stop();
	}

	private void failed(@Nullable IOException cause) {
		IdleWatchdog dog = this.watchdog;
		boolean timedOut = dog != null && dog.hasFired();
		release(true);
		RuntimeException failure;
		if (timedOut) {
			failure = new MistralTimeoutException(
					"The stream of " + this.request + " was silent for longer than "
							+ this.http.streamIdleTimeout(this.request) + " after " + this.delivered
							+ " chunks. Raise mistral.http.stream-idle-timeout if the model needs longer.",
					this.http.streamIdleTimeout(this.request),
					(cause != null) ? cause : new IOException("idle timeout"), false);
		}
		else if (cause != null) {
			failure = new MistralIoException("I/O error while reading the stream of " + this.request + " after "
					+ this.delivered + " chunks: " + cause.getMessage(), cause, false);
		}
		else {
			failure = this.decoder.cutOff(this.delivered, null);
		}
		if (this.delivered == 0 && this.ready.isEmpty() && !timedOut && !this.closed && this.request.repeatable()) {
			java.time.Duration delay = this.http.policy(this.request)
				.delayBeforeRetry(new MistralIoException(failure.getMessage(), failure, true), this.attempt);
			if (delay != null) {
				this.http.listener().onRetry(this.request, failure, this.attempt, delay);
				this.observation.retry(failure);
				this.http.sleeper().sleep(delay);
				this.metadata = connect(this.attempt + 1);
				return;
			}
		}
		this.finished = true;
		this.observation.error(failure);
		throw failure;
	}

	private ResponseMetadata connect(int firstAttempt) {
		ResponseMetadata opened;
		try (Observation.Scope scope = this.observation.openScope()) {
			opened = this.http.withRetries(this.request, firstAttempt, (number) -> {
				this.attempt = number;
				try {
					return open(number);
				}
				catch (ResourceAccessException | UncheckedIOException ex) {
					throw beforeFirstChunk(this.http.ioFailure(ex, this.request,
							this.http.streamIdleTimeout(this.request), "mistral.http.stream-idle-timeout"));
				}
			}, this.http.streamIdleTimeout(this.request), "mistral.http.stream-idle-timeout");
		}
		catch (RuntimeException ex) {
			this.observation.error(ex);
			throw ex;
		}
		this.observation.connected(opened);
		return opened;
	}

	/**
	 * A stream is retried after any I/O failure before its first chunk, timeouts aside,
	 * whether it shows while the answer is opened or while its first bytes are read: a
	 * transport can report a malformed answer either way (seen with Spring's JDK request
	 * factory: one attempt instead of three, depending on timing).
	 */
	private static MistralIoException beforeFirstChunk(MistralIoException failure) {
		if (failure instanceof MistralTimeoutException || RetryPolicy.isRetryable(failure)) {
			return failure;
		}
		return new MistralIoException(failure.getMessage(), failure, true);
	}

	private ResponseMetadata open(int number) {
		MistralHttp.Watched watched = this.http.openWatched(this.request, this.body, number, this.start,
				MediaType.TEXT_EVENT_STREAM);
		ClientHttpResponse opened = watched.open().response();
		InputStream body;
		try {
			body = opened.getBody();
		}
		catch (IOException ex) {
			watched.watchdog().stop();
			Thread.interrupted();
			abort(opened, null);
			throw new java.io.UncheckedIOException(ex);
		}
		// On silence, close the body itself: unblocks the reading thread and drops the
		// connection
		// (closing the response would first drain it, waiting for the server)
		this.http.onSilence(watched, this.request, () -> abort(opened, body));
		this.watchdog = watched.watchdog();
		this.response = opened;
		this.in = body;
		return watched.open().metadata();
	}

	/**
	 * Releases the connection.
	 * @param abort {@code true} to drop the connection without reading the rest of the
	 * answer (a stream that failed or was closed early); {@code false} after
	 * {@code [DONE]}
	 */
	private void release(boolean abort) {
		IdleWatchdog dog = this.watchdog;
		if (dog != null) {
			dog.stop();
			this.watchdog = null;
		}
		ClientHttpResponse res = this.response;
		if (res != null) {
			InputStream body = this.in;
			this.response = null;
			this.in = null;
			if (abort) {
				abort(res, body);
			}
			else {
				res.close();
			}
		}
	}

	/**
	 * Drops an unfinished answer by closing its body only: that cancels the exchange and
	 * unblocks a reading thread. {@link ClientHttpResponse#close()} would first drain the
	 * body, waiting for the server to finish (Spring's JDK and Reactor Netty responses
	 * both do).
	 */
	private static void abort(ClientHttpResponse response, @Nullable InputStream body) {
		if (body != null) {
			try {
				body.close();
				return;
			}
			catch (IOException | RuntimeException ex) {
				// fall back to closing the response
			}
		}
		response.close();
	}

}
