package dev.mistralboot.autoconfigure.ratelimit;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralHttpCustomizer;
import dev.mistralboot.autoconfigure.ReactiveMistralHttpCustomizer;
import dev.mistralboot.client.core.BucketRequestPacer;
import dev.mistralboot.client.core.BucketRequestPacerMetrics;
import dev.mistralboot.client.core.PacingStore;
import dev.mistralboot.client.core.RedisPacingStore;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Client-side pacing ({@code mistral.rate-limit.enabled=true}): one
 * {@link BucketRequestPacer} shared by the blocking and reactive cores, its buckets in
 * this JVM, or in Redis (when Lettuce and Bucket4j's Lettuce module are on the
 * classpath), and its meters when Micrometer is present.
 * <p>
 * The Redis server is, first match wins: {@code mistral.rate-limit.redis.host}, else the
 * application's Lettuce {@link RedisClient} bean, else the application's Spring Data
 * Redis {@link LettuceConnectionFactory} bean (its Lettuce client, so its host, port,
 * password, database and TLS settings, when it is not a Redis Cluster client).
 */
@AutoConfiguration(before = MistralAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnProperty(prefix = "mistral.rate-limit", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(MistralRateLimitProperties.class)
public final class MistralRateLimitAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BucketRequestPacer mistralRequestPacer(MistralRateLimitProperties properties, ObjectProvider<PacingStore> store) {
		return BucketRequestPacer.builder()
			.requestsPerMinute(properties.getRequestsPerMinute())
			.tokensPerMinute(properties.getTokensPerMinute())
			.period(properties.getPeriod())
			.maxWait(properties.getMaxWait())
			.key(properties.getKey())
			.store(store.getIfAvailable(PacingStore::local))
			.build();
	}

	@Bean
	MistralHttpCustomizer mistralRateLimitHttpCustomizer(BucketRequestPacer pacer) {
		return (builder) -> builder.requestPacer(pacer);
	}

	/**
	 * The reactive core paces with the same pacer.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, Flux.class })
	static class ReactiveConfiguration {

		@Bean
		ReactiveMistralHttpCustomizer mistralRateLimitReactiveHttpCustomizer(BucketRequestPacer pacer) {
			return (builder) -> builder.requestPacer(pacer);
		}

	}

	/**
	 * The pacer's meters.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BucketRequestPacerMetrics mistralRequestPacerMetrics(BucketRequestPacer pacer) {
			return new BucketRequestPacerMetrics(pacer);
		}

	}

	/**
	 * The budget in Redis, when Lettuce is present and Redis is configured.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RedisClient.class, Bucket4jLettuce.class })
	@ConditionalOnProperty(prefix = "mistral.rate-limit.redis", name = "enabled", matchIfMissing = true)
	static class RedisConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean(PacingStore.class)
		@ConditionalOnProperty(prefix = "mistral.rate-limit.redis", name = "host")
		RedisPacingStore mistralRedisPacingStore(MistralRateLimitProperties properties) {
			MistralRateLimitProperties.Redis redis = properties.getRedis();
			RedisURI.Builder uri = RedisURI.builder()
				.withHost(redis.getHost())
				.withPort(redis.getPort())
				.withDatabase(redis.getDatabase())
				.withSsl(redis.isSsl());
			if (redis.getPassword() != null) {
				uri.withPassword(redis.getPassword().toCharArray());
			}
			return RedisPacingStore.create(uri.build(), redis.getTimeout(), redis.getRecoveryInterval());
		}

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean(PacingStore.class)
		@ConditionalOnBean(RedisClient.class)
		RedisPacingStore mistralRedisClientPacingStore(MistralRateLimitProperties properties, RedisClient client) {
			return RedisPacingStore.of(client, properties.getRedis().getTimeout(),
					properties.getRedis().getRecoveryInterval());
		}

	}

	/**
	 * The budget in Redis through the application's Spring Data Redis
	 * {@link LettuceConnectionFactory}, when neither
	 * {@code mistral.rate-limit.redis.host} nor a Lettuce {@link RedisClient} bean says
	 * otherwise.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RedisClient.class, Bucket4jLettuce.class, LettuceConnectionFactory.class })
	@ConditionalOnProperty(prefix = "mistral.rate-limit.redis", name = "enabled", matchIfMissing = true)
	@Conditional(NoRedisHostCondition.class)
	@ConditionalOnBean(LettuceConnectionFactory.class)
	@ConditionalOnMissingBean({ PacingStore.class, RedisClient.class })
	static class ConnectionFactoryConfiguration {

		private static final Log logger = LogFactory.getLog(ConnectionFactoryConfiguration.class);

		@Bean
		@ConditionalOnMissingBean(PacingStore.class)
		PacingStore mistralConnectionFactoryPacingStore(MistralRateLimitProperties properties,
				LettuceConnectionFactory connectionFactory) {
			if (!connectionFactory.isRunning()) {
				connectionFactory.start();
			}
			AbstractRedisClient client = connectionFactory.getRequiredNativeClient();
			if (client instanceof RedisClient redisClient) {
				return RedisPacingStore.of(redisClient, properties.getRedis().getTimeout(),
						properties.getRedis().getRecoveryInterval());
			}
			logger.warn("Rate-limit pacing stays in this JVM: the LettuceConnectionFactory uses "
					+ client.getClass().getSimpleName()
					+ ", which pacing cannot share; set mistral.rate-limit.redis.host to a standalone Redis to share the budget");
			return PacingStore.local();
		}

	}

	/**
	 * Matches when {@code mistral.rate-limit.redis.host} is not set.
	 */
	static class NoRedisHostCondition extends NoneNestedConditions {

		NoRedisHostCondition() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnProperty(prefix = "mistral.rate-limit.redis", name = "host")
		static class HostSet {

		}

	}

}
