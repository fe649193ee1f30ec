package dev.mistralboot.client.core;

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
		return new MistralIoException("I/O error during " + target + ": " + reason, failure, false);
	}

	/**
	 * Whether the connection was closed or reset before a single byte of the answer
	 * arrived: the typical failure of a pooled keep-alive connection that the server or a
	 * proxy closed meanwhile. Such a failure is retried like a connect failure; a failure
	 * after the answer started is not.
	 */
	static boolean isClosedBeforeAnswer(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String message = t.getMessage();
			String lower = (message != null) ? message.toLowerCase(Locale.ROOT) : "";
			if (lower.contains("header parser received no bytes") // JDK HttpClient
					|| lower.contains("prematurely closed before response") // Reactor
																			// Netty
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
				|| name.startsWith("org.springframework.") || name.startsWith("reactor.");
	}

	private static String describeOne(Throwable failure) {
		@Nullable String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
