package dev.mistralboot.client.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Paces calls with two Bucket4j buckets: one of requests and one of tokens, each refilled
 * at its limit per minute (as Mistral counts) and holding at most what one period (a
 * minute by default) allows, so that a shorter period spreads a burst over time without
 * changing the rate. Before an attempt it takes one request and the attempt's estimated
 * tokens (a quarter of the JSON body's bytes plus its {@code max_tokens}), waiting when
 * the budget is spent, for at most {@code maxWait}; then it fails with
 * {@link MistralRateLimitWaitException} rather than sleep on. After the answer it
 * corrects the estimate with the tokens the answer cost
 * ({@code x-ratelimit-tokens-query-cost}, else the usage in the body), learns the limits
 * from the {@code x-ratelimit-limit-req-minute} / {@code x-ratelimit-limit-tokens-minute}
 * headers (the lower of the configured and the learnt limit applies) and lowers its
 * budget to the {@code x-ratelimit-remaining-*} headers when they say less. A 429 with
 * {@code Retry-After} pauses the whole bucket, so every caller sharing it waits, not only
 * the one that got the 429.
 * <p>
 * The buckets live in a {@link PacingStore}: this JVM by default, or Redis
 * ({@link RedisPacingStore}), where instances using the same key share one budget. Waits
 * are scheduled (Bucket4j's scheduling API on one small timer thread): no caller thread
 * is parked by the pacer itself and no event-loop thread is ever held.
 * <p>
 * Thread-safe; share one instance between the blocking and reactive cores.
 */
public final class BucketRequestPacer implements RequestPacer {

	/** The budget of requests. */
	public static final String REQUESTS = "requests";

	/** The budget of tokens. */
	public static final String TOKENS = "tokens";

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final long MINUTE_NANOS = MINUTE.toNanos();

	private final String key;

	private final Duration maxWait;

	private final long maxWaitNanos;

	private final Duration period;

	private final PacingStore store;

	private final @Nullable Long configuredRequests;

	private final @Nullable Long configuredTokens;

	private final Budget requests;

	private final Budget tokens;

	private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());

	private final LongAdder granted = new LongAdder();

	private final LongAdder denied = new LongAdder();

	private final LongAdder waitNanos = new LongAdder();

	private BucketRequestPacer(Builder builder) {
		this.key = builder.key;
		this.maxWait = builder.maxWait;
		this.maxWaitNanos = builder.maxWait.toNanos();
		this.period = builder.period;
		this.store = builder.store;
		this.configuredRequests = builder.requestsPerPeriod;
		this.configuredTokens = builder.tokensPerPeriod;
		this.requests = new Budget(REQUESTS, "req-minute", builder.requestsPerPeriod);
		this.tokens = new Budget(TOKENS, "tokens-minute", builder.tokensPerPeriod);
	}

	/**
	 * Starts a builder: no limits (learnt from the first answers' headers), a 30 s
	 * longest wait, the key {@code mistral}, buckets in this JVM.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public CompletableFuture<Permit> acquire(ApiRequest request, byte[] body) {
		long start = System.nanoTime();
		long estimate = (this.tokens.bucket() != null) ? estimateTokens(body) : 0;
		CompletableFuture<Permit> result = new CompletableFuture<>();
		long pause = this.pausedUntilNanos.get() - start;
		if (pause > this.maxWaitNanos) {
			deny(result, REQUESTS, null);
			return result;
		}
		if (pause > 0) {
			CompletableFuture.runAsync(() -> take(result, start, estimate, this.maxWaitNanos - pause),
					CompletableFuture.delayedExecutor(pause, TimeUnit.NANOSECONDS, Timer.INSTANCE));
		}
		else {
			take(result, start, estimate, this.maxWaitNanos);
		}
		return result;
	}

	private void take(CompletableFuture<Permit> result, long start, long estimate, long maxWait) {
		PacingBucket requestBucket = this.requests.bucket();
		PacingBucket tokenBucket = this.tokens.bucket();
		long tokenCount = (tokenBucket != null && estimate > 0) ? Math.min(estimate, this.tokens.capacity()) : 0;
		AtomicInteger pending = new AtomicInteger(2);
		// permits granted before take returns were free: no wait to report
		AtomicBoolean returned = new AtomicBoolean();
		Runnable done = () -> {
			if (pending.decrementAndGet() == 0 && !result.isDone()) {
				long waited = returned.get() ? System.nanoTime() - start : 0;
				this.granted.increment();
				this.waitNanos.add(waited);
				result.complete(new BucketPermit(tokenCount, Duration.ofNanos(waited)));
			}
		};
		takeOne(requestBucket, 1, maxWait, result, REQUESTS, done);
		takeOne(tokenBucket, tokenCount, maxWait, result, TOKENS, done);
		returned.set(true);
	}

	private void takeOne(@Nullable PacingBucket bucket, long permits, long maxWait, CompletableFuture<Permit> result,
			String budget, Runnable done) {
		if (bucket == null || permits == 0) {
			done.run();
			return;
		}
		bucket.take(permits, Math.max(maxWait, 1), Timer.INSTANCE).whenComplete((ok, failure) -> {
			if (failure == null && Boolean.TRUE.equals(ok)) {
				if (result.isDone()) {
					// the other budget said no: the call is not sent
					bucket.giveBack(permits);
				}
				else {
					done.run();
				}
			}
			else {
				deny(result, budget, failure);
			}
		});
	}

	private void deny(CompletableFuture<Permit> result, String budget, @Nullable Throwable failure) {
		if (result.isDone()) {
			return;
		}
		this.denied.increment();
		Budget spent = REQUESTS.equals(budget) ? this.requests : this.tokens;
		String property = REQUESTS.equals(budget) ? "requests-per-minute" : "tokens-per-minute";
		String message = (failure != null)
				? "The Mistral rate-limit budget could not be read (" + failure.getClass().getSimpleName()
						+ "): the call was not sent"
				: "No Mistral rate-limit permit free within mistral.rate-limit.max-wait (" + this.maxWait + "): the "
						+ budget + " budget of '" + this.key + "' (" + spent.limitText() + " per minute, "
						+ spent.capacityText() + ") is spent"
						+ ((spent.bucket() == null) ? " (the server asked to pause)" : "")
						+ ". The call was not sent. Send fewer calls at once, raise mistral.rate-limit.max-wait, or raise"
						+ " mistral.rate-limit." + property + " if the workspace's limit is higher.";
		result.completeExceptionally(new MistralRateLimitWaitException(message, budget, this.maxWait, failure));
	}

	/**
	 * The estimated tokens of a call: a quarter of its JSON body's bytes (about four
	 * bytes per token) plus its {@code max_tokens}, if any.
	 * @param body the JSON body
	 * @return the estimate
	 */
	static long estimateTokens(byte[] body) {
		return (body.length + 3) / 4 + maxTokens(body);
	}

	private static final byte[] MAX_TOKENS = "\"max_tokens\":".getBytes(StandardCharsets.US_ASCII);

	private static long maxTokens(byte[] body) {
		outer: for (int i = 0; i + MAX_TOKENS.length < body.length; i++) {
			for (int j = 0; j < MAX_TOKENS.length; j++) {
				if (body[i + j] != MAX_TOKENS[j]) {
					continue outer;
				}
			}
			if (i > 0 && body[i - 1] == '\\') {
				continue;
			}
			long value = 0;
			for (int k = i + MAX_TOKENS.length; k < body.length && body[k] >= '0' && body[k] <= '9'; k++) {
				value = value * 10 + (body[k] - '0');
			}
			return value;
		}
		return 0;
	}

	/**
	 * The key the buckets are stored under ({@code <key>:requests},
	 * {@code <key>:tokens}).
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * Where the buckets are kept now.
	 * @return {@code local}, {@code redis} or {@code local-fallback}
	 */
	public String mode() {
		return this.store.mode();
	}

	/**
	 * The limit the pacer enforces on a budget: the lower of the configured one and the
	 * one learnt from the headers.
	 * @param budget {@link #REQUESTS} or {@link #TOKENS}
	 * @return the limit per minute, or {@code null} while unknown (not paced)
	 */
	public @Nullable Long limit(String budget) {
		Budget target = REQUESTS.equals(budget) ? this.requests : this.tokens;
		return (target.bucket() != null) ? target.limit() : null;
	}

	/**
	 * The period the budget is counted in: a budget holds at most what its limit allows
	 * in one period.
	 * @return the period (a minute unless configured otherwise)
	 */
	public Duration period() {
		return this.period;
	}

	/**
	 * The remaining budget the last answer's {@code x-ratelimit-remaining-*} header
	 * reported.
	 * @param budget {@link #REQUESTS} or {@link #TOKENS}
	 * @return the remaining budget, or {@code -1} when no header was seen
	 */
	public long remaining(String budget) {
		return (REQUESTS.equals(budget) ? this.requests : this.tokens).remaining.get();
	}

	/**
	 * How many attempts got their permits.
	 * @return the count
	 */
	public long granted() {
		return this.granted.sum();
	}

	/**
	 * How many attempts were refused a permit (not sent).
	 * @return the count
	 */
	public long denied() {
		return this.denied.sum();
	}

	/**
	 * The time granted attempts spent waiting for their permits, in total.
	 * @return the total wait in nanoseconds
	 */
	public long totalWaitNanos() {
		return this.waitNanos.sum();
	}

	/**
	 * Pauses the whole budget: every caller sharing it waits until the pause is over
	 * (what a 429 with {@code Retry-After} does).
	 * @param pause how long
	 */
	public void pause(Duration pause) {
		long nanos = pause.toNanos();
		if (nanos <= 0) {
			return;
		}
		PacingBucket bucket = this.requests.bucket();
		if (bucket == null) {
			long until = System.nanoTime() + nanos;
			this.pausedUntilNanos.accumulateAndGet(until, (a, b) -> (b - a > 0) ? b : a);
			return;
		}
		long limit = this.requests.limit();
		// put the shared bucket in debt until the pause is over: ask how long it waits
		// already, take what is free in one step (callers pausing at the same time, in
		// this JVM or another, must not each charge what the other already took), and
		// charge the rest
		bucket.nanosToWaitForOne().thenCompose((waiting) -> {
			long missing = nanos - waiting;
			if (missing <= 0) {
				return CompletableFuture.completedFuture(null);
			}
			long permits = (long) Math.ceil((double) missing * limit / MINUTE_NANOS);
			return bucket.drain().thenCompose((drained) -> bucket.charge(permits));
		});
	}

	@Override
	public String toString() {
		return "BucketRequestPacer[key=" + this.key + ", requests=" + this.requests.limitText() + ", tokens="
				+ this.tokens.limitText() + " per minute, period=" + this.period + ", maxWait=" + this.maxWait + ", "
				+ mode() + "]";
	}

	private final class BucketPermit implements Permit {

		private final long estimate;

		private final Duration waited;

		BucketPermit(long estimate, Duration waited) {
			this.estimate = estimate;
			this.waited = waited;
		}

		@Override
		public Duration waited() {
			return this.waited;
		}

		@Override
		public void answered(int status, HttpHeaders headers, @Nullable UsageInfo usage) {
			RateLimits limits = RateLimits.from(headers);
			BucketRequestPacer.this.requests.learn(limits);
			BucketRequestPacer.this.tokens.learn(limits);
			PacingBucket tokenBucket = BucketRequestPacer.this.tokens.bucket();
			Long cost = limits.tokensQueryCost();
			if (cost == null && usage != null && status < 400) {
				cost = (long) usage.totalTokens();
			}
			// corrections within a tenth of the estimate are not worth a round trip to a
			// shared bucket
			if (status != 429 && tokenBucket != null && this.estimate > 0 && cost != null
					&& Math.abs(cost - this.estimate) * 10 > this.estimate) {
				if (cost > this.estimate) {
					tokenBucket.charge(cost - this.estimate);
				}
				else {
					tokenBucket.giveBack(this.estimate - cost);
				}
			}
			if (status == 429) {
				// the server did not count the rejected call, but the budget keeps its
				// permits: a 429 says the budget was ahead of the server, and a permit
				// given back while callers are queued would let the next caller go in a
				// slot already promised to another. The pause the server asked for
				// applies to everyone sharing the budget.
				Duration retryAfter = RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER));
				if (retryAfter != null) {
					pause(retryAfter);
				}
			}
		}

	}

	/** One budget: its limit, its bucket once the limit is known, the last header. */
	private final class Budget {

		private final String name;

		private final String headerKind;

		private final @Nullable Long configured;

		private final AtomicLong remaining = new AtomicLong(-1);

		private volatile long limit;

		private volatile long capacity;

		private volatile @Nullable PacingBucket bucket;

		Budget(String name, String headerKind, @Nullable Long configured) {
			this.name = name;
			this.headerKind = headerKind;
			this.configured = configured;
			if (configured != null) {
				this.limit = configured;
				this.capacity = capacity(configured);
				this.bucket = BucketRequestPacer.this.store.bucket(BucketRequestPacer.this.key + ":" + name,
						configuration(configured));
			}
		}

		@Nullable PacingBucket bucket() {
			return this.bucket;
		}

		long limit() {
			return this.limit;
		}

		long capacity() {
			return this.capacity;
		}

		String limitText() {
			return (this.bucket != null) ? Long.toString(this.limit) : "no limit known yet";
		}

		String capacityText() {
			return (this.bucket != null) ? "at most " + this.capacity + " per " + BucketRequestPacer.this.period
					: "no period known yet";
		}

		void remember(RateLimits limits) {
			Long left = limits.remaining(this.headerKind);
			if (left != null) {
				this.remaining.set(left);
			}
		}

		void learn(RateLimits limits) {
			remember(limits);
			Long learnt = limits.limit().get(this.headerKind);
			if (learnt != null && learnt > 0) {
				long wanted = (this.configured != null) ? Math.min(this.configured, learnt) : learnt;
				if (this.bucket == null || wanted != this.limit) {
					synchronized (this) {
						if (this.bucket == null) {
							this.limit = wanted;
							this.capacity = capacity(wanted);
							this.bucket = BucketRequestPacer.this.store
								.bucket(BucketRequestPacer.this.key + ":" + this.name, configuration(wanted));
						}
						else if (wanted != this.limit) {
							this.limit = wanted;
							this.capacity = capacity(wanted);
							this.bucket.reconfigure(configuration(wanted));
						}
					}
				}
			}
			Long left = limits.remaining(this.headerKind);
			PacingBucket current = this.bucket;
			if (left != null && current != null) {
				// the server counts more than this bucket: believe the server
				current.available()
					.thenCompose((free) -> (free > left) ? current.charge(free - left)
							: CompletableFuture.completedFuture(null));
			}
		}

		/**
		 * What a limit per minute allows in one period (at least one permit, so that a
		 * short period still lets calls through at the limit's rate).
		 */
		private long capacity(long limit) {
			long periodNanos = BucketRequestPacer.this.period.toNanos();
			return Math.max(1, (long) Math.floor((double) limit * periodNanos / MINUTE_NANOS));
		}

		private BucketConfiguration configuration(long limit) {
			// refilled at the limit per minute, holding at most one period's worth
			return BucketConfiguration.builder()
				.addLimit(
						Bandwidth.builder().capacity(capacity(limit)).refillGreedy(limit, MINUTE).id(this.name).build())
				.build();
		}

	}

	/** The one timer thread that completes the scheduled waits of every pacer. */
	static final class Timer {

		static final ScheduledExecutorService INSTANCE = create();

		private static ScheduledExecutorService create() {
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "mistral-rate-limit");
				thread.setDaemon(true);
				return thread;
			});
			executor.setRemoveOnCancelPolicy(true);
			return executor;
		}

	}

	/**
	 * Builds a {@link BucketRequestPacer}.
	 */
	public static final class Builder {

		private @Nullable Long requestsPerPeriod;

		private @Nullable Long tokensPerPeriod;

		private Duration maxWait = Duration.ofSeconds(30);

		private String key = "mistral";

		private Duration period = MINUTE;

		private PacingStore store = PacingStore.local();

		private Builder() {
		}

		/**
		 * Sets the requests allowed per minute. Without it, the limit is learnt from the
		 * {@code x-ratelimit-limit-req-minute} header.
		 * @param requests the limit, or {@code null}
		 * @return this builder
		 */
		public Builder requestsPerMinute(@Nullable Long requests) {
			this.requestsPerPeriod = positiveOrNull(requests, "mistral.rate-limit.requests-per-minute");
			return this;
		}

		/**
		 * Sets the tokens allowed per minute. Without it, the limit is learnt from the
		 * {@code x-ratelimit-limit-tokens-minute} header.
		 * @param tokens the limit, or {@code null}
		 * @return this builder
		 */
		public Builder tokensPerMinute(@Nullable Long tokens) {
			this.tokensPerPeriod = positiveOrNull(tokens, "mistral.rate-limit.tokens-per-minute");
			return this;
		}

		/**
		 * Sets the longest wait for a permit before the call fails with
		 * {@link MistralRateLimitWaitException}.
		 * @param maxWait the wait (zero: never wait)
		 * @return this builder
		 */
		public Builder maxWait(Duration maxWait) {
			if (maxWait == null || maxWait.isNegative()) {
				throw new IllegalArgumentException("mistral.rate-limit.max-wait must not be negative, was " + maxWait);
			}
			this.maxWait = maxWait;
			return this;
		}

		/**
		 * Sets the key of the buckets: instances with the same key (and store) share one
		 * budget. Use one key per API key (workspace).
		 * @param key the key
		 * @return this builder
		 */
		public Builder key(String key) {
			if (key == null || key.isBlank()) {
				throw new IllegalArgumentException("mistral.rate-limit.key must not be blank");
			}
			this.key = key;
			return this;
		}

		/**
		 * Sets the period the budget is counted in: each budget refills at its limit per
		 * minute and holds at most what the limit allows in one period (at least one
		 * permit). A minute by default, as Mistral counts; a shorter period spreads a
		 * burst (60 requests per minute with a period of 10 s: at most 10 at once, then
		 * one a second), and scales a quota down for tests. Longer than a minute would
		 * let a burst exceed the per-minute limit, so it is refused.
		 * @param period the period, positive and at most a minute
		 * @return this builder
		 */
		public Builder period(Duration period) {
			if (period == null || period.isNegative() || period.isZero() || period.compareTo(MINUTE) > 0) {
				throw new IllegalArgumentException("mistral.rate-limit.period must be positive and at most 1m (the"
						+ " limits are per minute; a shorter period only spreads a burst), was " + period);
			}
			this.period = period;
			return this;
		}

		/**
		 * Sets where the buckets live (default: this JVM).
		 * @param store the store, such as a {@link RedisPacingStore}
		 * @return this builder
		 */
		public Builder store(PacingStore store) {
			this.store = Objects.requireNonNull(store, "store");
			return this;
		}

		/**
		 * Builds the pacer.
		 * @return the pacer
		 */
		public BucketRequestPacer build() {
			return new BucketRequestPacer(this);
		}

		private static @Nullable Long positiveOrNull(@Nullable Long value, String property) {
			if (value != null && value <= 0) {
				throw new IllegalArgumentException(property + " must be positive (or unset to learn it), was " + value);
			}
			return value;
		}

	}

}
