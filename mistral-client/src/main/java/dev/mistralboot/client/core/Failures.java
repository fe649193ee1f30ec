package dev.mistralboot.client.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * Classifies transport failures of any HTTP client library (JDK, Apache, Jetty, Reactor
 * Netty) into {@link MistralIoException} and {@link MistralTimeoutException}.
 */
final class Failures {

	private Failures() {
	}

	static MistralIoException io(Throwable failure, ApiRequest request, String baseUrl, Duration connectTimeout,
			Duration readTimeout, String readTimeoutProperty) {
		boolean connect = isConnectFailure(failure);
		String target = request.method() + " " + baseUrl + request.path();
		UploadStalledException stalled = find(failure, UploadStalledException.class);
		if (stalled != null) {
			return new MistralTimeoutException(
					"Sending the body of " + target + " stalled for longer than " + stalled.timeout
							+ ". Raise mistral.http.upload-timeout for slow networks.",
					stalled.timeout, failure, false);
		}
		if (isTimeout(failure)) {
			if (connect) {
				return new MistralTimeoutException("Could not connect to " + baseUrl + " within " + connectTimeout
						+ " (" + target + "). Check mistral.base-url and the network, or raise "
						+ "mistral.http.connect-timeout.", connectTimeout, failure, true);
			}
			return new MistralTimeoutException("No complete answer to " + target + " within " + readTimeout + ". Raise "
					+ readTimeoutProperty + " for slow generations.", readTimeout, failure, false);
		}
		String reason = describe(failure);
		if (connect) {
			return new MistralIoException("Could not connect to " + baseUrl + " (" + target + "): " + reason
					+ ". Check mistral.base-url, DNS, proxies and the network.", failure, true);
		}
		if (isClosedBeforeAnswer(failure)) {
			return new MistralIoException("The connection was closed before any answer to " + target + " arrived: "
					+ reason + ". A pooled connection the server had already closed, or a proxy dropping it; "
					+ "retried under mistral.retry.*.", failure, false);
		}
		if (find(failure, AnswerCutException.class) != null) {
			return new MistralIoException("I/O error while reading the answer to " + target + ": " + reason
					+ ". The answer had started, so the call is not retried.", failure, false);
		}
		return new MistralIoException("I/O error during " + target + ": " + reason, failure, false);
	}

	/**
	 * Whether the connection was closed or reset before a single byte of the answer
	 * arrived: the typical failure of a pooled keep-alive connection that the server or a
	 * proxy closed meanwhile. Such a failure is retried like a connect failure; a failure
	 * after the answer started is not.
	 */
	static boolean isClosedBeforeAnswer(Throwable failure) {
		if (find(failure, AnswerCutException.class) != null) {
			// the answer had started
			return false;
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String message = t.getMessage();
			String lower = (message != null) ? message.toLowerCase(Locale.ROOT) : "";
			if (lower.contains("header parser received no bytes") // JDK HttpClient
					|| lower.contains("connection reset") // any client, before the answer
					// Reactor Netty: "prematurely closed BEFORE response", and "has been
					// closed BEFORE response, while sending request body" when the server
					// closed while the body's end was still being flushed
					|| lower.contains("closed before response")
					|| t.getClass().getName().endsWith("NoHttpResponseException")) { // Apache
																						// HttpClient
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	static boolean isConnectFailure(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ConnectException || t instanceof UnknownHostException
					|| t instanceof NoRouteToHostException || t instanceof HttpConnectTimeoutException
					|| t instanceof UnresolvedAddressException) {
				return true;
			}
			String message = t.getMessage();
			if (t instanceof SocketTimeoutException && message != null
					&& message.toLowerCase(Locale.ROOT).contains("connect")) {
				return true;
			}
			String name = t.getClass().getName();
			if (name.endsWith("ConnectTimeoutException") || name.endsWith("HttpHostConnectException")) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	static boolean isTimeout(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
					|| t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	/**
	 * Whether the failure is a GET or HEAD the JDK HTTP client already sent twice.
	 */
	static boolean isResentByClient(Throwable failure) {
		return find(failure, ResentByClientException.class) != null;
	}

	private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

	/**
	 * The I/O failure behind what a client library threw: an {@link IOException} as it
	 * is, the cause of an {@link UncheckedIOException} or of Reactor's
	 * {@code Exceptions$ReactiveException} (what Reactor Netty's blocking calls throw),
	 * anything else wrapped.
	 */
	static IOException toIoException(Throwable failure) {
		if (failure instanceof IOException io) {
			return io;
		}
		Throwable cause = failure.getCause();
		if (failure instanceof UncheckedIOException && cause instanceof IOException io) {
			return io;
		}
		if (failure.getClass().getName().startsWith("reactor.core.Exceptions$") && cause != null) {
			if (cause instanceof IOException io) {
				return io;
			}
			if (cause instanceof InterruptedException) {
				return new IOException("Interrupted while waiting for the answer", cause);
			}
			return new IOException(describeOne(cause), cause);
		}
		return new IOException(describeOne(failure), failure);
	}

	/**
	 * Describes the failure by the first exception below Spring's wrappers and, when
	 * different, the root cause: {@code ConnectException (ClosedChannelException)} rather
	 * than only the root.
	 */
	private static String describe(Throwable failure) {
		Throwable first = failure;
		while (first.getCause() != null && first.getCause() != first && isWrapper(first)) {
			first = first.getCause();
		}
		Throwable root = first;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String description = describeOne(first);
		return (root != first) ? description + " (" + describeOne(root) + ")" : description;
	}

	private static boolean isWrapper(Throwable failure) {
		String name = failure.getClass().getName();
		return failure instanceof java.io.UncheckedIOException || failure instanceof MistralException
				|| failure instanceof AnswerCutException || name.startsWith("org.springframework.")
				|| name.startsWith("reactor.");
	}

	private static String describeOne(Throwable failure) {
		@Nullable String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/** The upload stalled for longer than the upload timeout. */
	static final class UploadStalledException extends HttpTimeoutException {

		private static final long serialVersionUID = 1L;

		final Duration timeout;

		UploadStalledException(Duration timeout, IOException cause) {
			super("the upload stalled for longer than " + timeout);
			this.timeout = timeout;
			initCause(cause);
		}

	}

	/** The answer was not complete within the response timeout. */
	static final class AnswerTimeoutException extends HttpTimeoutException {

		private static final long serialVersionUID = 1L;

		AnswerTimeoutException(@Nullable Duration timeout, IOException cause) {
			super("answer not complete within " + timeout);
			initCause(cause);
		}

	}

	/**
	 * Reading an answer's body failed: the answer had started, so the failure is never a
	 * connection closed before the answer.
	 */
	static final class AnswerCutException extends IOException {

		private static final long serialVersionUID = 1L;

		AnswerCutException(IOException cause) {
			super("the answer was cut: " + describe(cause), cause);
		}

	}

	/**
	 * The JDK HTTP client sent a GET or HEAD twice before giving up: it resends those
	 * once by itself when the connection closes before any byte of the answer.
	 */
	static final class ResentByClientException extends IOException {

		private static final long serialVersionUID = 1L;

		ResentByClientException(IOException cause) {
			super(describe(cause) + " (sent twice: the JDK HTTP client resends a GET once by itself)", cause);
		}

	}

}
