package dev.mistralboot.autoconfigure;

import java.time.Duration;

import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configures the HTTP core every Mistral client family is built on:
 * {@link MistralHttp} on Spring Boot's {@link RestClient.Builder}, and
 * {@link ReactiveMistralHttp} on its {@link WebClient.Builder} when WebFlux is present.
 * Both keep Boot's HTTP client choice, SSL bundles and {@code spring.http.clients.*}
 * settings, with Mistral's own timeouts on top.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration" })
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(MistralProperties.class)
public final class MistralAutoConfiguration implements SmartInitializingSingleton {

	static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private final ObjectProvider<MistralConnectionDetails> connectionDetails;

	/**
	 * Creates the configuration.
	 * @param connectionDetails the connection details, checked once every singleton is
	 * created
	 */
	MistralAutoConfiguration(ObjectProvider<MistralConnectionDetails> connectionDetails) {
		this.connectionDetails = connectionDetails;
	}

	/**
	 * Fails the start without an API key for the Mistral cloud, whether the connection
	 * details are ours or the application's, even when no client is used yet (the HTTP
	 * core is built on first use).
	 */
	@Override
	public void afterSingletonsInstantiated() {
		this.connectionDetails.ifUnique(MistralAutoConfiguration::checkApiKey);
	}

	@Bean
	@ConditionalOnMissingBean(MistralConnectionDetails.class)
	PropertiesMistralConnectionDetails mistralConnectionDetails(MistralProperties properties, Environment environment) {
		return new PropertiesMistralConnectionDetails(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	@Lazy
	MistralHttp mistralHttp(MistralConnectionDetails connectionDetails, MistralProperties properties,
			ObjectProvider<RestClientCustomizer> restClientCustomizers,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<MistralHttpCustomizer> customizers, ResourceLoader resourceLoader) {
		// the libraries the clients share with other AI libraries are checked when the
		// first client needs the core, not at every start-up: an application that has
		// the starter but uses another library's clients starts with its versions
		MistralDependencyCheck.verify(resourceLoader.getClassLoader());
		checkApiKey(connectionDetails);
		HttpClientSettings settings = settings(properties, httpClientSettings);
		ClientHttpRequestFactoryBuilder<?> factories = requestFactoryBuilder
			.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()));
		// Built on the first call, not during start-up, and only once: the RestClient
		// comes from
		// RestClient.builder() with the application's RestClientCustomizers (what Boot's
		// RestClient.Builder bean is, less the request factory it would build and we
		// would replace)
		MistralHttp.Builder builder = MistralHttp.builder()
			.baseUrl(connectionDetails.baseUrl())
			.apiKey(connectionDetails.apiKey())
			.restClientBuilder(() -> {
				RestClient.Builder restClient = RestClient.builder();
				restClientCustomizers.orderedStream().forEach((customizer) -> customizer.customize(restClient));
				return restClient;
			});
		if (factories instanceof JdkClientHttpRequestFactoryBuilder && properties.getHttp().isOwnJdkClient()) {
			// Spring's JDK request factory starts a thread or two per call; the core's
			// own calls on the
			// caller's thread, on a JDK client built from the same spring.http.clients.*
			// settings
			String baseUrl = connectionDetails.baseUrl();
			builder.httpClient(() -> new JdkHttpClientBuilder()
				.withCustomizer((client) -> client.version(MistralHttp.httpVersion(baseUrl)))
				.build(settings));
		}
		else {
			// no read timeout of the library's own: the core bounds the whole answer from
			// the end of the upload (Reactor Netty's read timeout applies between reads,
			// the JDK's would count the upload)
			builder.requestFactories(() -> factories.build(settings.withReadTimeout(null)),
					() -> factories.build(settings.withReadTimeout(null)));
		}
		builder.jsonMapper(mapper(jsonMapper))
			.retryPolicy(retryPolicy(properties))
			.connectTimeout(settings.connectTimeout())
			.responseTimeout(properties.getHttp().getResponseTimeout())
			.uploadTimeout(properties.getHttp().getUploadTimeout())
			.streamIdleTimeout(properties.getHttp().getStreamIdleTimeout());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	static EventListenerScanExclusion mistralEventListenerScanExclusion() {
		return new EventListenerScanExclusion();
	}

	static void checkApiKey(MistralConnectionDetails connectionDetails) {
		if (connectionDetails.apiKey() == null && connectionDetails.isMistralCloud()) {
			throw new MistralApiKeyMissingException(connectionDetails.baseUrl());
		}
	}

	static HttpClientSettings settings(MistralProperties properties, ObjectProvider<HttpClientSettings> provider) {
		HttpClientSettings boot = provider.getIfAvailable(HttpClientSettings::defaults);
		Duration connectTimeout = properties.getHttp().getConnectTimeout();
		if (connectTimeout == null) {
			connectTimeout = (boot.connectTimeout() != null) ? boot.connectTimeout() : DEFAULT_CONNECT_TIMEOUT;
		}
		return boot.withConnectTimeout(connectTimeout);
	}

	static RetryPolicy retryPolicy(MistralProperties properties) {
		MistralProperties.Retry retry = properties.getRetry();
		return new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getMaxRetryAfter());
	}

	static JsonMapper mapper(ObjectProvider<JsonMapper> jsonMapper) {
		JsonMapper base = jsonMapper.getIfAvailable();
		return (base != null) ? MistralJson.derive(base) : MistralJson.defaultMapper();
	}

	/**
	 * Masks Mistral secrets in Actuator's {@code /env} and {@code /configprops}, when
	 * Actuator is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorSanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "mistralSecretsSanitizingFunction")
		SanitizingFunction mistralSecretsSanitizingFunction() {
			return new MistralSecretsSanitizingFunction();
		}

	}

	/**
	 * The reactive core, when WebFlux is present: created when first injected (its
	 * connector is built then), as the family clients are. The blocking core, created at
	 * start-up, already fails a start without an API key.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnMistralHttpCondition.WebFlux.class)
	@Lazy
	static class ReactiveHttpConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMistralHttp reactiveMistralHttp(MistralConnectionDetails connectionDetails,
				MistralProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<JsonMapper> jsonMapper,
				ObjectProvider<ReactiveMistralHttpCustomizer> customizers, ResourceLoader resourceLoader) {
			MistralDependencyCheck.verify(resourceLoader.getClassLoader());
			checkApiKey(connectionDetails);
			HttpClientSettings settings = settings(properties, httpClientSettings).withReadTimeout(null);
			ClientHttpConnectorBuilder<?> connectors = connectorBuilder
				.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()));
			ReactiveMistralHttp.Builder builder = ReactiveMistralHttp.builder()
				.baseUrl(connectionDetails.baseUrl())
				.apiKey(connectionDetails.apiKey())
				.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder))
				.connector(connectors.build(settings))
				.jsonMapper(mapper(jsonMapper))
				.retryPolicy(retryPolicy(properties))
				.connectTimeout(settings.connectTimeout())
				.responseTimeout(properties.getHttp().getResponseTimeout())
				.uploadTimeout(properties.getHttp().getUploadTimeout())
				.streamIdleTimeout(properties.getHttp().getStreamIdleTimeout());
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

	}

}
