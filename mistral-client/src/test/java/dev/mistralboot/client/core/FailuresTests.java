package dev.mistralboot.client.core;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How transport failures of the HTTP client libraries are classified.
 */
class FailuresTests {

	private static MistralIoException classify(Throwable failure) {
		return Failures.io(new ResourceAccessException("I/O error on POST request", wrap(failure)), TestRequests.chat(),
				"https://api.mistral.ai", Duration.ofSeconds(10), Duration.ofMinutes(5),
				"mistral.http.response-timeout");
	}

	private static IOException wrap(Throwable failure) {
		return (failure instanceof IOException io) ? io : new IOException(failure);
	}

	@Test
	void connectionRefusedIsARetryableConnectFailure() {
		ConnectException refused = new ConnectException();
		refused.initCause(new ClosedChannelException());
		MistralIoException ex = classify(refused);
		assertThat(ex).isNotInstanceOf(MistralTimeoutException.class);
		assertThat(ex.isConnectFailure()).isTrue();
		assertThat(RetryPolicy.isRetryable(ex)).isTrue();
		assertThat(ex.getMessage()).isEqualTo("Could not connect to https://api.mistral.ai (POST "
				+ "https://api.mistral.ai/v1/chat/completions): ConnectException (ClosedChannelException). "
				+ "Check mistral.base-url, DNS, proxies and the network.");
	}

	@Test
	void unknownHostIsAConnectFailure() {
		MistralIoException ex = classify(new UnknownHostException("api.mistral.invalid"));
		assertThat(ex.isConnectFailure()).isTrue();
		assertThat(ex.getMessage()).contains("UnknownHostException: api.mistral.invalid");
	}

	@Test
	void connectTimeoutsOfEveryLibrary() {
		for (Throwable timeout : new Throwable[] { new HttpConnectTimeoutException("HTTP connect timed out"),
				new SocketTimeoutException("Connect timed out"),
				new FakeNetty.ConnectTimeoutException("connection timed out after 250 ms") }) {
			MistralIoException ex = classify(timeout);
			assertThat(ex).as(timeout.toString()).isInstanceOf(MistralTimeoutException.class);
			assertThat(ex.isConnectFailure()).isTrue();
			assertThat(RetryPolicy.isRetryable(ex)).isTrue();
			assertThat(ex.getMessage()).contains("mistral.http.connect-timeout");
		}
	}

	@Test
	void readTimeoutsAreNotRetried() {
		for (Throwable timeout : new Throwable[] { new HttpTimeoutException("request timed out"),
				new SocketTimeoutException("Read timed out"), new TimeoutException() }) {
			MistralIoException ex = classify(timeout);
			assertThat(ex).isInstanceOf(MistralTimeoutException.class);
			assertThat(ex.isConnectFailure()).isFalse();
			assertThat(RetryPolicy.isRetryable(ex)).as(timeout.toString()).isFalse();
			assertThat(ex.getMessage()).contains("Raise mistral.http.response-timeout");
		}
	}

	@Test
	void connectionClosedBeforeAnyAnswerIsRetried() {
		IOException jdk = new IOException("HTTP/1.1 header parser received no bytes",
				new EOFException("EOF reached while reading"));
		IOException netty = new IOException("Connection prematurely closed BEFORE response");
		// Reactor Netty's wording when the server closes while the body's last bytes are
		// still being flushed (a loaded machine)
		IOException nettyWhileSending = new IOException(
				"Connection has been closed BEFORE response, while sending request body");
		IOException nettyReset = new IOException("recvAddress(..) failed with error(-104): Connection reset by peer");
		for (IOException closed : new IOException[] { jdk, netty, nettyWhileSending, nettyReset,
				new SocketException("Connection reset"),
				new FakeApache.NoHttpResponseException("failed to respond") }) {
			MistralIoException ex = classify(closed);
			assertThat(ex.isConnectFailure()).isFalse();
			assertThat(RetryPolicy.isRetryable(ex)).as(closed.toString()).isTrue();
			assertThat(ex.getMessage()).startsWith("The connection was closed before any answer to POST "
					+ "https://api.mistral.ai/v1/chat/completions arrived");
		}
	}

	@Test
	void failureAfterTheAnswerStartedIsNotRetried() {
		MistralIoException ex = classify(new Failures.AnswerCutException(new SocketException("Connection reset")));
		assertThat(ex.isConnectFailure()).isFalse();
		assertThat(RetryPolicy.isRetryable(ex)).isFalse();
		assertThat(ex.getMessage())
			.isEqualTo("I/O error while reading the answer to POST https://api.mistral.ai/v1/chat/completions: "
					+ "SocketException: Connection reset. The answer had started, so the call is not retried.");
	}

	@Test
	void reactorWrappersAreUnwrapped() {
		IOException cause = new IOException("Connection prematurely closed DURING response");
		RuntimeException reactive = reactor.core.Exceptions.propagate(cause);
		assertThat(reactive.getClass().getName()).isEqualTo("reactor.core.Exceptions$ReactiveException");
		assertThat(Failures.toIoException(reactive)).isSameAs(cause);
		assertThat(Failures.toIoException(new NumberFormatException("Invalid character in chunk size")))
			.hasMessage("NumberFormatException: Invalid character in chunk size");
	}

	/** Stands in for Netty's exception, matched by name. */
	static final class FakeNetty {

		static final class ConnectTimeoutException extends IOException {

			ConnectTimeoutException(String message) {
				super(message);
			}

		}

	}

	/** Stands in for Apache HttpClient's exception, matched by name. */
	static final class FakeApache {

		static final class NoHttpResponseException extends IOException {

			NoHttpResponseException(String message) {
				super(message);
			}

		}

	}

}
