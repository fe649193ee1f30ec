package dev.mistralboot.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated {@code META-INF/spring-configuration-metadata.json} describes every
 * {@code mistral.*} property of every {@code @ConfigurationProperties} class of this
 * module, so IDEs complete and document them.
 */
class ConfigurationMetadataTests {

	@Test
	void everyMistralPropertyIsDescribed() throws Exception {
		Map<String, JsonNode> metadata = readMetadata();
		Set<String> expected = expectedProperties();
		assertThat(expected).contains("mistral.api-key", "mistral.base-url", "mistral.http.connect-timeout",
				"mistral.http.response-timeout", "mistral.http.stream-idle-timeout", "mistral.retry.max-attempts",
				"mistral.retry.initial-backoff", "mistral.retry.max-backoff", "mistral.retry.max-retry-after",
				"mistral.chat.enabled", "mistral.chat.model", "mistral.chat.temperature", "mistral.chat.max-tokens",
				"mistral.chat.safe-prompt", "mistral.audio.enabled", "mistral.audio.transcription-model",
				"mistral.audio.speech-model", "mistral.audio.voice", "mistral.conversations.enabled",
				"mistral.conversations.agent-id", "mistral.conversations.model");
		assertThat(metadata.keySet()).containsAll(expected);
		for (String name : expected) {
			assertThat(metadata.get(name).path("description").asString("")).as("description of %s", name).isNotBlank();
		}
	}

	@Test
	void defaultsAreDocumented() throws Exception {
		Map<String, JsonNode> metadata = readMetadata();
		assertThat(metadata.get("mistral.base-url").path("defaultValue").asString())
			.isEqualTo("https://api.mistral.ai");
		assertThat(metadata.get("mistral.retry.max-attempts").path("defaultValue").asInt()).isEqualTo(3);
		assertThat(metadata.get("mistral.http.stream-idle-timeout").path("defaultValue").asString()).isEqualTo("60s");
		assertThat(metadata.get("mistral.chat.enabled").path("defaultValue").asBoolean()).isTrue();
		assertThat(metadata.get("mistral.chat.model").path("defaultValue").asString())
			.isEqualTo("mistral-small-latest");
		assertThat(metadata.get("mistral.rate-limit.period").path("defaultValue").asString()).isEqualTo("1m");
		assertThat(metadata.get("mistral.audio.transcription-model").path("defaultValue").asString())
			.isEqualTo("voxtral-mini-latest");
		assertThat(metadata.get("mistral.audio.speech-model").has("defaultValue")).isFalse();
		assertThat(metadata.get("mistral.conversations.agent-id").has("defaultValue")).isFalse();
		assertThat(metadata.get("mistral.rate-limit.period").path("type").asString()).isEqualTo("java.time.Duration");
	}

	@Test
	void defaultsTheProcessorCannotSeeAreDocumented() throws Exception {
		Map<String, JsonNode> metadata = readMetadata();
		assertThat(metadata.get("mistral.tools.max-rounds").path("defaultValue").asInt())
			.isEqualTo(dev.mistralboot.client.chat.tools.ToolRegistry.DEFAULT_MAX_ROUNDS);
		assertThat(metadata.get("mistral.tools.failure-policy").path("defaultValue").asString())
			.isEqualTo("report-to-model");
		assertThat(metadata.get("mistral.http.connect-timeout").path("defaultValue").asString())
			.isEqualTo(MistralAutoConfiguration.DEFAULT_CONNECT_TIMEOUT.toSeconds() + "s");
	}

	@Test
	void everyBooleanSaysWhether() throws Exception {
		Map<String, JsonNode> metadata = readMetadata();
		assertThat(metadata.values()).filteredOn((property) -> property.path("type").asString("").endsWith("Boolean"))
			.hasSizeGreaterThan(10)
			.allSatisfy((property) -> assertThat(property.path("description").asString(""))
				.as(property.path("name").asString())
				.startsWith("Whether "));
	}

	@Test
	void modelPropertiesHaveValueHints() throws Exception {
		Map<String, JsonNode> hints = new HashMap<>();
		Enumeration<URL> resources = ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (resources.hasMoreElements()) {
			try (InputStream in = resources.nextElement().openStream()) {
				for (JsonNode hint : JsonMapper.builder().build().readTree(in).path("hints")) {
					hints.put(hint.path("name").asString(), hint);
				}
			}
		}
		Map<String, JsonNode> metadata = readMetadata();
		for (String property : new String[] { "mistral.chat.model", "mistral.fim.model", "mistral.embeddings.model",
				"mistral.ocr.model", "mistral.classifiers.moderation-model", "mistral.audio.transcription-model" }) {
			assertThat(hints).as("value hints of %s", property).containsKey(property);
			assertThat(hints.get(property).path("values").findValuesAsString("value")).as(property)
				.contains(metadata.get(property).path("defaultValue").asString());
			// other model names stay allowed
			assertThat(hints.get(property).path("providers").get(0).path("name").asString()).isEqualTo("any");
		}
	}

	private static Map<String, JsonNode> readMetadata() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		Map<String, JsonNode> properties = new HashMap<>();
		Enumeration<URL> resources = ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (resources.hasMoreElements()) {
			try (InputStream in = resources.nextElement().openStream()) {
				for (JsonNode property : mapper.readTree(in).path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith("mistral.")) {
						properties.put(name, property);
					}
				}
			}
		}
		assertThat(properties).as("metadata generated by spring-boot-configuration-processor").isNotEmpty();
		return properties;
	}

	/**
	 * Every property of every {@code @ConfigurationProperties} class under
	 * dev.mistralboot.autoconfigure.
	 */
	private static Set<String> expectedProperties() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		Set<String> names = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("dev.mistralboot.autoconfigure")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
			String prefix = type.getAnnotation(ConfigurationProperties.class).value();
			collect(prefix, type, type, names);
		}
		return names;
	}

	private static void collect(String prefix, Class<?> type, Class<?> root, Set<String> names) {
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getName().equals("class") || property.getReadMethod() == null) {
				continue;
			}
			String name = prefix + "." + property.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
			Class<?> propertyType = property.getPropertyType();
			if (propertyType.getEnclosingClass() == root && !propertyType.isEnum()) {
				collect(name, propertyType, root, names);
			}
			else if (property.getWriteMethod() != null) {
				names.add(name);
			}
		}
	}

}
