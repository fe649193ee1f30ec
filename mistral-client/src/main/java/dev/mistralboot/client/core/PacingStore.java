package dev.mistralboot.client.core;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where the buckets of a {@link BucketRequestPacer} live: in this JVM ({@link #local()},
 * the default) or in Redis ({@link RedisPacingStore}), where every instance using the
 * same key shares one budget.
 */
public interface PacingStore {

	/**
	 * The bucket of one budget, created with the configuration when it does not exist.
	 * @param key the bucket's key, such as {@code mistral:requests}
	 * @param configuration the limit
	 * @return the bucket
	 */
	PacingBucket bucket(String key, BucketConfiguration configuration);

	/**
	 * Where the buckets are kept now.
	 * @return {@code local}, {@code redis}, or {@code local-fallback} while Redis is
	 * unreachable
	 */
	default String mode() {
		return "local";
	}

	/**
	 * Buckets in this JVM.
	 * @return the store
	 */
	static PacingStore local() {
		return (key, configuration) -> PacingBucket
			.local(Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
	}

}
