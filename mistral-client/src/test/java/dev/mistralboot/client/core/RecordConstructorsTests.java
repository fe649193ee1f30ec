package dev.mistralboot.client.core;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The clients' mapper calls this library's constructors through
 * {@link RecordConstructors} and reads exactly what Jackson's own call reads.
 */
class RecordConstructorsTests {

	private static final ThreadLocal<List<String>> CALLERS = new ThreadLocal<>();

	private final JsonMapper mapper = MistralJson.defaultMapper();

	@Test
	void ourRecordsAreBuiltThroughTheHandleNotJacksonsPerValueCall() {
		Probe probe = this.mapper.readValue("{\"name\":\"a\",\"count\":2,\"bonus\":true}", Probe.class);
		List<String> callers = CALLERS.get();
		assertThat(probe).isEqualTo(new Probe("a", 2, Map.of("bonus", true)));
		assertThat(callers).contains(RecordConstructors.SpreadOnce.class.getName() + ".createFromObjectWith")
			.noneMatch((frame) -> frame.endsWith("AnnotatedConstructor.call"));
	}

	@Test
	void aPlainJacksonMapperStillUsesJacksonsCall() {
		JsonMapper plain = JsonMapper.builder().build();
		plain.readValue("{\"name\":\"a\",\"count\":2}", Probe.class);
		assertThat(CALLERS.get()).noneMatch((frame) -> frame.contains("SpreadOnce"))
			.anyMatch((frame) -> frame.endsWith("AnnotatedConstructor.call"));
	}

	@Test
	void aTypeWhoseConstructorIsNotPublicKeepsJacksonsCall() {
		Hidden hidden = this.mapper.readValue("{\"name\":\"b\"}", Hidden.class);
		assertThat(hidden.name()).isEqualTo("b");
		assertThat(CALLERS.get()).noneMatch((frame) -> frame.contains("SpreadOnce"))
			.anyMatch((frame) -> frame.endsWith("AnnotatedConstructor.call"));
	}

	@Test
	void readsTheSameValuesAsJacksonsOwnCall() {
		String json = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
				+ "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
				+ "\"finish_reason\":null,\"future\":[1]}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,"
				+ "\"total_tokens\":3},\"surprise\":\"kept\"}";
		JsonMapper jacksonOnly = JsonMapper.builder()
			.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		ChatCompletionChunk ours = this.mapper.readValue(json, ChatCompletionChunk.class);
		assertThat(ours).isEqualTo(jacksonOnly.readValue(json, ChatCompletionChunk.class));
		assertThat(ours.additionalProperties()).containsEntry("surprise", "kept");
		assertThat(ours.choices().get(0).additionalProperties()).containsEntry("future", List.of(1));
	}

	@Test
	void aConstructorThatThrowsFailsAsWithJackson() {
		assertThatExceptionOfType(ValueInstantiationException.class)
			.isThrownBy(() -> this.mapper.readValue("{\"name\":\"\",\"count\":1}", Probe.class))
			.withMessageContaining("Probe")
			.withMessageContaining("a name is required");
	}

	/** Not public: its constructor is left to Jackson. */
	record Hidden(String name) {

		Hidden {
			CALLERS.set(StackWalker.getInstance()
				.walk((frames) -> frames.map((frame) -> frame.getClassName() + "." + frame.getMethodName()).toList()));
		}

	}

	/** A type of this library's packages that records who called its constructor. */
	public record Probe(String name, int count, @JsonAnySetter Map<String, Object> extra) {

		public Probe {
			CALLERS.set(StackWalker.getInstance()
				.walk((frames) -> frames.map((frame) -> frame.getClassName() + "." + frame.getMethodName()).toList()));
			if (name.isEmpty()) {
				throw new IllegalArgumentException("a name is required");
			}
			extra = (extra != null) ? Map.copyOf(extra) : Map.of();
		}

	}

}
