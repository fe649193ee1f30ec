package dev.mistralboot.autoconfigure;

import java.util.Map;

import dev.mistralboot.client.core.MistralHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configured key appears in no {@code toString()} of the beans that hold it.
 */
class SecretsInToStringTests {

	private static final String KEY = "sk-LEAKCANARY-autoconfig-91ab";

	@Test
	void beansHoldingTheKeyHideIt() {
		MistralAutoConfigurationTests.runner(Map.of()).withPropertyValues("mistral.api-key=" + KEY).run((context) -> {
			assertThat(context).hasNotFailed();
			MistralProperties properties = context.getBean(MistralProperties.class);
			MistralConnectionDetails details = context.getBean(MistralConnectionDetails.class);
			MistralHttp http = context.getBean(MistralHttp.class);
			assertThat(details.apiKey()).isEqualTo(KEY);
			for (Object bean : new Object[] { properties, details, http, http.mutate() }) {
				assertThat(bean.toString()).as(bean.getClass().getName()).doesNotContain(KEY);
			}
			assertThat(properties.toString()).contains("apiKey=******");
			assertThat(details.toString()).contains("apiKey=******");
		});
	}

	@Test
	void environmentKeyIsHiddenToo() {
		MistralAutoConfigurationTests.runner(Map.of("MISTRAL_API_KEY", KEY)).run((context) -> {
			assertThat(context.getBean(MistralConnectionDetails.class).toString()).doesNotContain(KEY);
			assertThat(context.getBean(MistralProperties.class).toString()).doesNotContain(KEY);
		});
	}

}
