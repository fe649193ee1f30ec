package dev.mistralboot.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Checks the requests a WireMock server received against the Mistral OpenAPI description.
 *
 * <p>
 * WireMock is an optional dependency of this module: tests that use this class bring
 * {@code org.wiremock:wiremock-standalone} themselves. Two ways to use it:
 * <ul>
 * <li>after the fact (recommended): call
 * {@link #assertAllRequestsConform(WireMockServer)} at the end of a test or in an
 * {@code @AfterEach}, with the request journal enabled (WireMock's default);</li>
 * <li>as requests arrive: register {@link #listener()} as an extension
 * ({@code options().extensions(listener)}) and call
 * {@link ConformanceListener#assertNoViolations()} later; this also works with the
 * request journal disabled.</li>
 * </ul>
 * Both validate method, path, query and body with
 * {@link OpenApiContract#validateRequest(String, String, String, byte[])}, which records
 * conforming requests in {@link ContractCoverage}. When the description file is absent
 * outside CI, both skip only the contract check (see
 * {@link OpenApiContract#available()}), so the rest of the test still runs; under
 * {@code CI=true} they fail.
 */
public final class WireMockContract {

	private WireMockContract() {
	}

	/**
	 * Fails unless every request the server received (matched or not) conforms to the
	 * description.
	 * @param server a started or stopped server whose request journal is enabled
	 * @throws AssertionError listing every non-conforming request with its errors and
	 * body
	 */
	public static void assertAllRequestsConform(WireMockServer server) {
		assertAllRequestsConform(server.getAllServeEvents());
	}

	/**
	 * Fails unless every request a (possibly remote) WireMock server received conforms to
	 * the description.
	 * @param client the admin client of the server
	 * @throws AssertionError listing every non-conforming request with its errors and
	 * body
	 */
	public static void assertAllRequestsConform(WireMock client) {
		assertAllRequestsConform(client.getServeEvents());
	}

	/**
	 * Fails unless every request of the serve events conforms to the description.
	 * @param serveEvents serve events as WireMock returns them (newest first); reported
	 * oldest first
	 * @throws AssertionError listing every non-conforming request with its errors and
	 * body
	 */
	public static void assertAllRequestsConform(List<ServeEvent> serveEvents) {
		Optional<OpenApiContract> available = OpenApiContract.available();
		if (available.isEmpty()) {
			return; // the description is absent outside CI: only this check is skipped
		}
		OpenApiContract contract = available.get();
		List<ServeEvent> chronological = new ArrayList<>(serveEvents);
		Collections.reverse(chronological);
		List<String> violations = new ArrayList<>();
		for (ServeEvent event : chronological) {
			String violation = violation(contract, event.getRequest());
			if (violation != null) {
				violations.add(violation);
			}
		}
		if (!violations.isEmpty()) {
			throw new AssertionError(message(violations, chronological.size()));
		}
	}

	/**
	 * A WireMock extension that validates each request as it arrives.
	 * @return a new listener; register it with
	 * {@code WireMockConfiguration.options().extensions(listener)}
	 */
	public static ConformanceListener listener() {
		return new ConformanceListener();
	}

	/** The failure text for one request, or {@code null} when it conforms. */
	static @Nullable String violation(OpenApiContract contract, LoggedRequest request) {
		String method = request.getMethod().getName();
		String url = request.getUrl();
		String contentType = request.getHeader("Content-Type");
		byte[] body = request.getBody();
		List<String> errors = contract.validateRequest(method, url, contentType, body);
		if (errors.isEmpty()) {
			return null;
		}
		return OpenApiContract.failure(contract.describeRequest(method, url, contentType, body), errors, contentType,
				body);
	}

	private static String message(List<String> violations, int total) {
		StringBuilder message = new StringBuilder().append(violations.size())
			.append(" of ")
			.append(total)
			.append(" requests received by WireMock do not conform to the Mistral OpenAPI description:");
		int number = 1;
		for (String violation : violations) {
			message.append("\n\n#").append(number++).append(' ').append(violation.replace("\n", "\n    "));
		}
		return message.toString();
	}

	/**
	 * Validates requests while WireMock serves them and keeps the failures for
	 * {@link #assertNoViolations()}; the served responses are not changed. Thread-safe.
	 */
	public static final class ConformanceListener implements ServeEventListener {

		private final Queue<String> violations = new ConcurrentLinkedQueue<>();

		private final AtomicInteger seen = new AtomicInteger();

		ConformanceListener() {
		}

		/**
		 * The extension name.
		 * @return {@code mistral-openapi-contract}
		 */
		@Override
		public String getName() {
			return "mistral-openapi-contract";
		}

		/**
		 * Applies to every stub without per-stub configuration.
		 * @return {@code true}
		 */
		@Override
		public boolean applyGlobally() {
			return true;
		}

		/**
		 * Validates the request before WireMock matches it to a stub.
		 * @param serveEvent the event
		 * @param parameters unused
		 */
		@Override
		public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
			this.seen.incrementAndGet();
			try {
				Optional<OpenApiContract> contract = OpenApiContract.available();
				String violation = contract.isPresent() ? violation(contract.get(), serveEvent.getRequest()) : null;
				if (violation != null) {
					this.violations.add(violation);
				}
			}
			catch (RuntimeException ex) {
				this.violations.add("cannot validate " + serveEvent.getRequest().getMethod() + " "
						+ serveEvent.getRequest().getUrl() + ": " + ex);
			}
		}

		/**
		 * The failure texts collected so far, oldest first.
		 * @return a snapshot
		 */
		public List<String> violations() {
			return List.copyOf(this.violations);
		}

		/**
		 * Forgets collected violations, for example between tests that share a server.
		 */
		public void reset() {
			this.violations.clear();
			this.seen.set(0);
		}

		/**
		 * Fails when any request received since creation or the last {@link #reset()} did
		 * not conform.
		 * @throws AssertionError listing every non-conforming request
		 */
		public void assertNoViolations() {
			List<String> snapshot = violations();
			if (!snapshot.isEmpty()) {
				throw new AssertionError(message(snapshot, this.seen.get()));
			}
		}

	}

}
