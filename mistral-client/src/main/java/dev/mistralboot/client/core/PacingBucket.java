package dev.mistralboot.client.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.AsyncBucketProxy;

/**
 * One Bucket4j bucket of a {@link BucketRequestPacer} (requests or tokens), in the JVM or
 * in Redis, seen through Bucket4j's asynchronous operations so that no caller blocks on
 * it.
 */
public interface PacingBucket {

	/**
	 * Reserves permits, completing once they may be used: at once when free, after the
	 * wait Bucket4j computed otherwise (scheduled, no thread held), or with {@code false}
	 * (nothing taken) when that wait would exceed {@code maxWaitNanos}.
	 * @param permits how many
	 * @param maxWaitNanos the longest wait
	 * @param scheduler where the wait is scheduled
	 * @return whether the permits were granted
	 */
	CompletableFuture<Boolean> take(long permits, long maxWaitNanos, ScheduledExecutorService scheduler);

	/**
	 * Gives permits back (a smaller actual cost than estimated, or a call not sent).
	 * @param permits how many
	 * @return done when applied
	 */
	CompletableFuture<?> giveBack(long permits);

	/**
	 * Takes permits even when none are free, putting the bucket in debt (a larger actual
	 * cost than estimated, or a pause asked by the server).
	 * @param permits how many
	 * @return done when applied
	 */
	CompletableFuture<?> charge(long permits);

	/**
	 * Takes every permit free now in one step (none while in debt), so that callers
	 * draining the bucket at the same time do not each put it in debt by what the other
	 * took.
	 * @return how many permits were taken
	 */
	CompletableFuture<Long> drain();

	/**
	 * The permits free now (negative while in debt).
	 * @return the count
	 */
	CompletableFuture<Long> available();

	/**
	 * The wait before one permit is free.
	 * @return the wait in nanoseconds, 0 when one is free
	 */
	CompletableFuture<Long> nanosToWaitForOne();

	/**
	 * Replaces the limit (a limit learnt from the answers' headers), keeping the permits
	 * in hand.
	 * @param configuration the new configuration
	 * @return done when applied
	 */
	CompletableFuture<?> reconfigure(BucketConfiguration configuration);

	/**
	 * A bucket in this JVM.
	 * @param bucket the bucket
	 * @return the pacing view
	 */
	static PacingBucket local(Bucket bucket) {
		return new PacingBucket() {

			@Override
			public CompletableFuture<Boolean> take(long permits, long maxWaitNanos,
					ScheduledExecutorService scheduler) {
				return bucket.asScheduler().tryConsume(permits, maxWaitNanos, scheduler);
			}

			@Override
			public CompletableFuture<?> giveBack(long permits) {
				bucket.addTokens(permits);
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public CompletableFuture<?> charge(long permits) {
				bucket.consumeIgnoringRateLimits(permits);
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public CompletableFuture<Long> drain() {
				return CompletableFuture.completedFuture(bucket.tryConsumeAsMuchAsPossible());
			}

			@Override
			public CompletableFuture<Long> available() {
				return CompletableFuture.completedFuture(bucket.getAvailableTokens());
			}

			@Override
			public CompletableFuture<Long> nanosToWaitForOne() {
				return CompletableFuture.completedFuture(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
			}

			@Override
			public CompletableFuture<?> reconfigure(BucketConfiguration configuration) {
				bucket.replaceConfiguration(configuration, TokensInheritanceStrategy.AS_IS);
				return CompletableFuture.completedFuture(null);
			}

		};
	}

	/**
	 * A bucket kept elsewhere (Redis), through Bucket4j's asynchronous proxy.
	 * @param bucket the proxy
	 * @return the pacing view
	 */
	static PacingBucket remote(AsyncBucketProxy bucket) {
		return new PacingBucket() {

			@Override
			public CompletableFuture<Boolean> take(long permits, long maxWaitNanos,
					ScheduledExecutorService scheduler) {
				return bucket.asScheduler().tryConsume(permits, maxWaitNanos, scheduler);
			}

			@Override
			public CompletableFuture<?> giveBack(long permits) {
				return bucket.addTokens(permits);
			}

			@Override
			public CompletableFuture<?> charge(long permits) {
				return bucket.consumeIgnoringRateLimits(permits);
			}

			@Override
			public CompletableFuture<Long> drain() {
				return bucket.tryConsumeAsMuchAsPossible();
			}

			@Override
			public CompletableFuture<Long> available() {
				return bucket.getAvailableTokens();
			}

			@Override
			public CompletableFuture<Long> nanosToWaitForOne() {
				return bucket.estimateAbilityToConsume(1).thenApply((probe) -> probe.getNanosToWaitForRefill());
			}

			@Override
			public CompletableFuture<?> reconfigure(BucketConfiguration configuration) {
				return bucket.replaceConfiguration(configuration, TokensInheritanceStrategy.AS_IS);
			}

		};
	}

}
