package dev.mistralboot.client.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the pacing buckets in Redis (Bucket4j's Lettuce integration, compare-and-swap
 * based), so that every instance using the same key shares one budget.
 * <p>
 * When Redis cannot be reached, pacing goes on with a bucket in this JVM (the budget is
 * then no longer shared): one WARN log says so (without the Redis URL or password),
 * {@link #mode()} reads {@code local-fallback} (shown by the metrics and the health
 * details), and Redis is tried again at most once every {@code recoveryInterval}; once an
 * operation on Redis succeeds, the shared budget is used again and an INFO log says so.
 * The local bucket starts full, so during an outage the fleet may send up to one full
 * budget per instance.
 * <p>
 * Lettuce is an optional dependency: this class is only loaded when Redis is configured.
 */
public final class RedisPacingStore implements PacingStore, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisPacingStore.class);

	private final RedisClient client;

	private final boolean ownsClient;

	private final @Nullable ClientResources ownedResources;

	private final Duration timeout;

	private final long recoveryNanos;

	private final String description;

	private final PacingStore local = PacingStore.local();

	private final AtomicBoolean down = new AtomicBoolean();

	private final AtomicLong nextAttemptNanos = new AtomicLong();

	private final AtomicLong fallbacks = new AtomicLong();

	/** When an operation last failed (set at creation: nothing failed before). */
	private final AtomicLong lastFailureNanos = new AtomicLong(System.nanoTime());

	private volatile @Nullable StatefulRedisConnection<byte[], byte[]> connection;

	private volatile @Nullable LettuceBasedProxyManager<byte[]> proxies;

	private RedisPacingStore(RedisClient client, boolean ownsClient, @Nullable ClientResources ownedResources,
			Duration timeout, Duration recoveryInterval, String description) {
		this.client = client;
		this.ownsClient = ownsClient;
		this.ownedResources = ownedResources;
		this.timeout = AbstractMistralHttpBuilder.positive(timeout, "timeout");
		this.recoveryNanos = AbstractMistralHttpBuilder.positive(recoveryInterval, "recoveryInterval").toNanos();
		this.description = description;
		connect();
	}

	/**
	 * A store on a Redis server this store connects to (and closes): commands fail fast
	 * while disconnected and time out after {@code timeout}. While Redis is unreachable,
	 * the connection is re-established with an exponential delay capped at
	 * {@code recoveryInterval} (Lettuce's own backoff grows to 30 s), so that the shared
	 * budget is used again within about one {@code recoveryInterval} of Redis coming
	 * back.
	 * @param uri the server (may carry a password: it is never logged)
	 * @param timeout the longest wait for one Redis command
	 * @param recoveryInterval how often Redis is tried again while unreachable
	 * @return the store
	 */
	public static RedisPacingStore create(RedisURI uri, Duration timeout, Duration recoveryInterval) {
		AbstractMistralHttpBuilder.positive(timeout, "timeout");
		AbstractMistralHttpBuilder.positive(recoveryInterval, "recoveryInterval");
		uri.setTimeout(timeout);
		ClientResources resources = ClientResources.builder()
			.reconnectDelay(Delay.exponential(Duration.ZERO, recoveryInterval, 2, TimeUnit.MILLISECONDS))
			.build();
		RedisClient client = RedisClient.create(resources, uri);
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.build());
		return new RedisPacingStore(client, true, resources, timeout, recoveryInterval,
				uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase());
	}

	/**
	 * A store on the application's own Lettuce client (not closed by this store). Its
	 * reconnect delay is the client's own: with Lettuce's default, the shared budget may
	 * be used again only tens of seconds after Redis comes back.
	 * @param client the client
	 * @param timeout the longest wait for one Redis command
	 * @param recoveryInterval how often Redis is tried again while unreachable
	 * @return the store
	 */
	public static RedisPacingStore of(RedisClient client, Duration timeout, Duration recoveryInterval) {
		return new RedisPacingStore(client, false, null, timeout, recoveryInterval, "the application's RedisClient");
	}

	@Override
	public PacingBucket bucket(String key, BucketConfiguration configuration) {
		return new FallbackBucket(key.getBytes(StandardCharsets.UTF_8), configuration,
				this.local.bucket(key, configuration));
	}

	@Override
	public String mode() {
		return this.down.get() ? "local-fallback" : "redis";
	}

	/**
	 * How many times Redis became unreachable and pacing fell back to the local bucket.
	 * @return the count
	 */
	public long fallbacks() {
		return this.fallbacks.get();
	}

	@Override
	public void close() {
		StatefulRedisConnection<byte[], byte[]> open = this.connection;
		if (open != null) {
			open.close();
		}
		if (this.ownsClient) {
			this.client.shutdown(Duration.ZERO, this.timeout);
		}
		ClientResources resources = this.ownedResources;
		if (resources != null) {
			resources.shutdown(0, this.timeout.toMillis(), TimeUnit.MILLISECONDS)
				.awaitUninterruptibly(this.timeout.toMillis());
		}
	}

	/** The Lettuce client (for tests: its resources publish the reconnect attempts). */
	RedisClient client() {
		return this.client;
	}

	@Override
	public String toString() {
		return "RedisPacingStore[" + this.description + ", " + mode() + "]";
	}

	/** The proxies, connecting first when there is no connection yet. */
	private @Nullable LettuceBasedProxyManager<byte[]> connect() {
		LettuceBasedProxyManager<byte[]> current = this.proxies;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (this.proxies == null) {
				try {
					StatefulRedisConnection<byte[], byte[]> opened = this.client.connect(ByteArrayCodec.INSTANCE);
					opened.setTimeout(this.timeout);
					this.connection = opened;
					this.proxies = Bucket4jLettuce.casBasedBuilder(opened)
						.expirationAfterWrite(ExpirationAfterWriteStrategy
							.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
						.requestTimeout(this.timeout)
						.build();
				}
				catch (RuntimeException ex) {
					failed(ex);
				}
			}
			return this.proxies;
		}
	}

	/** The proxies to use now, or {@code null} to use the local bucket. */
	private @Nullable LettuceBasedProxyManager<byte[]> usable() {
		if (!this.down.get()) {
			return connect();
		}
		long now = System.nanoTime();
		long next = this.nextAttemptNanos.get();
		if (now - next >= 0 && this.nextAttemptNanos.compareAndSet(next, now + this.recoveryNanos)) {
			return connect();
		}
		return null;
	}

	private void failed(Throwable failure) {
		long now = System.nanoTime();
		this.lastFailureNanos.set(now);
		this.nextAttemptNanos.set(now + this.recoveryNanos);
		if (this.down.compareAndSet(false, true)) {
			// one WARN for the first outage, INFO for the next ones (no flood when Redis
			// flaps); the class name only: a message could hold the URL, and with it a
			// password
			String message = "Redis (" + this.description
					+ ") is unreachable for the shared Mistral rate-limit budget ("
					+ rootCause(failure).getClass().getSimpleName()
					+ "): pacing with a bucket in this JVM until it is back (checked every "
					+ Duration.ofNanos(this.recoveryNanos)
					+ "); the budget is not shared with other instances meanwhile";
			if (this.fallbacks.getAndIncrement() == 0) {
				logger.warn(message);
			}
			else {
				logger.info(message);
			}
		}
	}

	/**
	 * An operation that began before the last failure says nothing of Redis now: a permit
	 * reserved in Redis completes only after its wait, maybe long after Redis went away,
	 * and must not switch the store back to Redis.
	 */
	private void succeeded(long startedNanos) {
		if (startedNanos - this.lastFailureNanos.get() < 0) {
			return;
		}
		if (this.down.compareAndSet(true, false)) {
			logger.info("Redis (" + this.description
					+ ") is reachable again: the shared Mistral rate-limit budget is used again");
		}
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * A bucket in Redis, with its local twin for outages.
	 */
	private final class FallbackBucket implements PacingBucket {

		private final byte[] key;

		private final PacingBucket local;

		private volatile BucketConfiguration configuration;

		private volatile @Nullable PacingBucket remote;

		FallbackBucket(byte[] key, BucketConfiguration configuration, PacingBucket local) {
			this.key = key;
			this.configuration = configuration;
			this.local = local;
		}

		private <T> CompletableFuture<T> run(Function<PacingBucket, CompletableFuture<T>> operation) {
			LettuceBasedProxyManager<byte[]> manager = usable();
			if (manager == null) {
				return operation.apply(this.local);
			}
			PacingBucket target = this.remote;
			if (target == null) {
				BucketConfiguration current = this.configuration;
				// concurrent callers of this JVM are combined into one compare-and-swap
				// (Bucket4j's batching), so that they do not contend for the Redis key
				target = PacingBucket.remote(manager.asAsync()
					.builder()
					.withOptimization(Optimizations.batching())
					.build(this.key, () -> CompletableFuture.completedFuture(current)));
				this.remote = target;
			}
			long started = System.nanoTime();
			CompletableFuture<T> result;
			try {
				result = operation.apply(target);
			}
			catch (RuntimeException ex) {
				result = CompletableFuture.failedFuture(ex);
			}
			return result.handle((value, failure) -> {
				if (failure == null) {
					succeeded(started);
					return CompletableFuture.completedFuture(value);
				}
				failed(failure);
				return operation.apply(this.local);
			}).thenCompose(Function.identity());
		}

		@Override
		public CompletableFuture<Boolean> take(long permits, long maxWaitNanos, ScheduledExecutorService scheduler) {
			return run((bucket) -> bucket.take(permits, maxWaitNanos, scheduler));
		}

		@Override
		@SuppressWarnings("unchecked")
		public CompletableFuture<?> giveBack(long permits) {
			return run((bucket) -> (CompletableFuture<Object>) bucket.giveBack(permits));
		}

		@Override
		@SuppressWarnings("unchecked")
		public CompletableFuture<?> charge(long permits) {
			return run((bucket) -> (CompletableFuture<Object>) bucket.charge(permits));
		}

		@Override
		public CompletableFuture<Long> drain() {
			return run(PacingBucket::drain);
		}

		@Override
		public CompletableFuture<Long> available() {
			return run(PacingBucket::available);
		}

		@Override
		public CompletableFuture<Long> nanosToWaitForOne() {
			return run(PacingBucket::nanosToWaitForOne);
		}

		@Override
		@SuppressWarnings("unchecked")
		public CompletableFuture<?> reconfigure(BucketConfiguration configuration) {
			this.configuration = configuration;
			this.local.reconfigure(configuration);
			return run((bucket) -> (bucket == this.local) ? CompletableFuture.completedFuture(null)
					: (CompletableFuture<Object>) bucket.reconfigure(configuration));
		}

	}

}
