package dev.mistralboot.test.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.mistralboot.autoconfigure.MistralConnectionDetails;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.test.MockMistral;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Starts a {@link MockMistral} for one application context, registers it as the
 * {@code mockMistral} bean, points every host the starter can call at it with a dummy
 * key, and stops it when the context closes.
 * <p>
 * Redirected, with the highest precedence: {@code mistral.base-url} and
 * {@code mistral.api-key}, {@code mistral.fim.base-url} and {@code mistral.fim.api-key}
 * (Codestral's own host and key), and every other {@code mistral.*} property whose name
 * ends with {@code base-url} or {@code api-key} found in the environment. The
 * application's own {@link MistralConnectionDetails}, {@link MistralHttp} and
 * {@link ReactiveMistralHttp} beans are redirected too, so nothing leaves loopback and no
 * real key is sent.
 */
class MockMistralContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "mockMistral";

	static final String PROPERTY_SOURCE_NAME = "mockMistral";

	/** The key sent to the mock: never a real one. */
	static final String DUMMY_API_KEY = "mock-mistral-test-key";

	private static final boolean REACTIVE = ClassUtils.isPresent("reactor.core.publisher.Flux",
			MockMistralContextCustomizer.class.getClassLoader());

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		MockMistral mock = MockMistral.start();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(
					new MapPropertySource(PROPERTY_SOURCE_NAME, redirected(context.getEnvironment(), mock.baseUrl())));
		context.getBeanFactory().registerSingleton(BEAN_NAME, mock);
		context.getBeanFactory().addBeanPostProcessor(new Redirector(mock.baseUrl()));
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
				mock.close();
			}
		});
	}

	/**
	 * The properties that point every Mistral host of the application at the mock.
	 */
	static Map<String, Object> redirected(ConfigurableEnvironment environment, String baseUrl) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("mistral.base-url", baseUrl);
		properties.put("mistral.api-key", DUMMY_API_KEY);
		properties.put("mistral.fim.base-url", baseUrl);
		properties.put("mistral.fim.api-key", DUMMY_API_KEY);
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					// relaxed forms too: mistral.fim.baseUrl, MISTRAL_FIM_BASE_URL, ...
					String simple = name.toLowerCase(Locale.ROOT).replaceAll("[-_.\\[\\]]", "");
					if (!simple.startsWith("mistral")) {
						continue;
					}
					if (simple.endsWith("baseurl")) {
						properties.putIfAbsent(name, baseUrl);
					}
					else if (simple.endsWith("apikey")) {
						properties.putIfAbsent(name, DUMMY_API_KEY);
					}
				}
			}
		}
		return properties;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

	/**
	 * Redirects the application's own connection details and HTTP cores to the mock.
	 */
	private record Redirector(String baseUrl) implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof MistralConnectionDetails details && !details.baseUrl().equals(this.baseUrl)) {
				return MistralConnectionDetails.of(this.baseUrl, DUMMY_API_KEY);
			}
			if (bean instanceof MistralHttp http && !http.baseUrl().equals(this.baseUrl)) {
				return http.mutate().baseUrl(this.baseUrl).apiKey(DUMMY_API_KEY).build();
			}
			if (REACTIVE) {
				return Reactive.redirect(bean, this.baseUrl);
			}
			return bean;
		}

	}

	/** Kept apart so that applications without Reactor never load the reactive core. */
	private static final class Reactive {

		static Object redirect(Object bean, String baseUrl) {
			if (bean instanceof ReactiveMistralHttp http && !http.baseUrl().equals(baseUrl)) {
				return http.mutate().baseUrl(baseUrl).apiKey(DUMMY_API_KEY).build();
			}
			return bean;
		}

	}

}
