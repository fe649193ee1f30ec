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
 * Classifies transport failures of any HTTP client library (JDK, Apache, Jetty, Reactor Netty)
 * into {@link MistralIoException} and {@link MistralTimeoutException}.
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
			return new MistralTimeoutException("No complete answer to " + target + " within " + readTimeout
					+ ". Raise " + readTimeoutProperty + " for slow generations.", readTimeout, failure, false);
		}
		String reason = describe(failure);
		if (connect) {
			return new MistralIoException("Could not connect to " + baseUrl + " (" + target + "): " + reason
					+ ". Check mistral.base-url, DNS, proxies and the network.", failure, true);
		}
		return new MistralIoException("I/O error during " + target + ": " + reason, failure, false);
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

	private static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		@Nullable String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
