package dev.mistralboot.client.test;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * One workspace quota enforced by a WireMock server, as Mistral enforces it: Bucket4j
 * buckets of requests and tokens per period (greedy refill), a chat completion costing a
 * fixed number of tokens ({@code x-ratelimit-tokens-query-cost}) within them, and a 429
 * with {@code Retry-After} (fractional seconds, so that a test can scale the minute down)
 * beyond them. Register it as a WireMock extension; it answers every request whose URL
 * starts with {@link #CHAT} and leaves the others to their stubs. Counts what it served
 * and what it rejected since the last {@link #reset()}.
 */
public final class WorkspaceQuota implements ResponseDefinitionTransformerV2 {

	/** The path the quota applies to. */
	public static final String CHAT = "/v1/chat/completions";

	private final long requestLimit;

	private final long tokenLimit;

	private final Duration period;

	private final int tokensPerCall;

	private final AtomicInteger served = new AtomicInteger();

	private final AtomicInteger rejected = new AtomicInteger();

	private Bucket requests;

	private Bucket tokens;

	/**
	 * Creates the quota, full.
	 * @param requestLimit requests per period
	 * @param tokenLimit tokens per period
	 * @param period the period (a minute at Mistral's scale)
	 * @param tokensPerCall the tokens each served call costs
	 */
	public WorkspaceQuota(long requestLimit, long tokenLimit, Duration period, int tokensPerCall) {
		this.requestLimit = requestLimit;
		this.tokenLimit = tokenLimit;
		this.period = period;
		this.tokensPerCall = tokensPerCall;
		reset();
	}

	/**
	 * Fills the buckets again and sets the counts to zero.
	 */
	public synchronized void reset() {
		this.requests = Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.requestLimit)
				.refillGreedy(this.requestLimit, this.period)
				.build())
			.build();
		this.tokens = Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(this.tokenLimit).refillGreedy(this.tokenLimit, this.period).build())
			.build();
		this.served.set(0);
		this.rejected.set(0);
	}

	/**
	 * The calls served (200) since the last reset.
	 * @return the count
	 */
	public int served() {
		return this.served.get();
	}

	/**
	 * The calls rejected with a 429 since the last reset.
	 * @return the count
	 */
	public int rejected() {
		return this.rejected.get();
	}

	@Override
	public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
		if (!serveEvent.getRequest().getUrl().startsWith(CHAT)) {
			return serveEvent.getResponseDefinition();
		}
		ConsumptionProbe request = this.requests.tryConsumeAndReturnRemaining(1);
		if (!request.isConsumed()) {
			return tooMany("Requests rate limit exceeded", request.getNanosToWaitForRefill());
		}
		ConsumptionProbe token = this.tokens.tryConsumeAndReturnRemaining(this.tokensPerCall);
		if (!token.isConsumed()) {
			this.requests.addTokens(1);
			return tooMany("Tokens rate limit exceeded", token.getNanosToWaitForRefill());
		}
		this.served.incrementAndGet();
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-ratelimit-tokens-query-cost", Integer.toString(this.tokensPerCall))
			.withBody("{\"id\":\"cmpl-1\",\"object\":\"chat.completion\",\"created\":1767225600,"
					+ "\"model\":\"mistral-small-latest\",\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":"
					+ (this.tokensPerCall - 50) + ",\"total_tokens\":" + this.tokensPerCall
					+ "},\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
					+ "\"content\":\"Comté.\"},\"finish_reason\":\"stop\"}]}")
			.build();
	}

	private ResponseDefinition tooMany(String message, long nanos) {
		this.rejected.incrementAndGet();
		return aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("Retry-After", String.format(Locale.ROOT, "%.3f", Math.max(nanos, 1_000_000) / 1e9))
			.withBody("{\"message\":\"" + message + "\"}")
			.build();
	}

	@Override
	public String getName() {
		return "workspace-quota";
	}

}
