package dev.mistralboot.client.chat.tools;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mistralboot.client.chat.FunctionTool;
import dev.mistralboot.client.core.MistralJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ToolRegistryTests {

	private final JsonMapper mapper = MistralJson.defaultMapper();

	@Test
	void annotatedMethodsBecomeTools() {
		ToolRegistry registry = ToolRegistry.of(new Weather());

		assertThat(registry.names()).containsExactlyInAnyOrder("temperature", "forecast", "clear_cache", "checked");
		assertThat(registry.tools()).hasSize(4).allSatisfy((tool) -> assertThat(tool).isInstanceOf(FunctionTool.class));
		FunctionTool temperature = (FunctionTool) registry.tools()
			.stream()
			.filter((tool) -> ((FunctionTool) tool).function().name().equals("temperature"))
			.findFirst()
			.orElseThrow();
		assertThat(temperature.function().description()).isEqualTo("Current temperature of a city");
		assertThat((tools.jackson.databind.JsonNode) this.mapper.valueToTree(temperature.function().parameters()))
			.isEqualTo(this.mapper.readTree("""
					{"type":"object","properties":{"city":{"type":"string"},
					 "unit":{"type":"string","enum":["CELSIUS","FAHRENHEIT"]}},
					 "required":["city"],"additionalProperties":false}"""));
		assertThat(registry.get("forecast").definition().description()).isNull();
		assertThat(registry.maxRounds()).isEqualTo(ToolRegistry.DEFAULT_MAX_ROUNDS);
		assertThat(registry.failurePolicy()).isEqualTo(ToolFailurePolicy.REPORT_TO_MODEL);
	}

	@Test
	void argumentsAreConvertedToParametersAndResultsWritten() {
		Weather weather = new Weather();
		ToolRegistry registry = ToolRegistry.of(weather);

		assertThat(registry.get("temperature").call("{\"city\":\"Paris\",\"unit\":\"CELSIUS\"}"))
			.isEqualTo("Paris CELSIUS");
		assertThat(registry.get("temperature").call("{\"city\":\"Paris\"}")).isEqualTo("Paris default");
		assertThat(registry.get("temperature").call("\"{\\\"city\\\":\\\"Lyon\\\"}\"")).isEqualTo("Lyon default");
		assertThat(registry.get("forecast").call("{\"request\":{\"city\":\"Nice\",\"days\":3},\"offset\":1}"))
			.isEqualTo("[3,1]");
		assertThat(registry.get("forecast").call("{\"request\":{\"city\":\"Nice\",\"days\":3}}")).isEqualTo("[3,0]");
		assertThat(registry.get("clear_cache").call("")).isEqualTo("done");
		assertThat(weather.cleared).isEqualTo(1);
	}

	@Test
	void badArgumentsAndCheckedExceptionsAreToolExceptions() {
		ToolRegistry registry = ToolRegistry.of(new Weather());

		assertThatExceptionOfType(MistralToolException.class)
			.isThrownBy(() -> registry.get("temperature").call("{\"city\":\"Paris\",\"unit\":\"KELVIN\"}"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(MistralToolException.Reason.INVALID_ARGUMENTS))
			.withMessageStartingWith("Invalid arguments for tool 'temperature': argument 'unit': ");
		assertThatExceptionOfType(MistralToolException.class)
			.isThrownBy(() -> registry.get("temperature").call("[\"Paris\"]"))
			.withMessage("Invalid arguments for tool 'temperature': expected a JSON object, got array");
		assertThatExceptionOfType(MistralToolException.class).isThrownBy(() -> registry.get("checked").call("{}"))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(MistralToolException.Reason.TOOL_FAILED);
				assertThat(ex.getCause()).isInstanceOf(IOException.class).hasMessage("disk full");
			});
	}

	@Test
	void toolsWrittenByHand() {
		ToolRegistry registry = ToolRegistry.builder()
			.tool("echo", "Echoes its input",
					Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string"))),
					(arguments) -> "echo " + arguments)
			.tool("get_forecast", "Forecast of a city", Forecast.class,
					(forecast) -> Map.of("city", forecast.city(), "days", forecast.days()))
			.maxRounds(3)
			.failurePolicy(ToolFailurePolicy.THROW)
			.build();

		assertThat(registry.names()).containsExactly("echo", "get_forecast");
		assertThat(registry.get("echo").call("{\"text\":\"hi\"}")).isEqualTo("echo {\"text\":\"hi\"}");
		assertThat(this.mapper.readTree(registry.get("get_forecast").call("{\"city\":\"Nice\",\"days\":2}")))
			.isEqualTo(this.mapper.readTree("{\"city\":\"Nice\",\"days\":2}"));
		assertThat((tools.jackson.databind.JsonNode) this.mapper
			.valueToTree(registry.get("get_forecast").definition().parameters())).isEqualTo(this.mapper.readTree("""
					{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"}},
					 "required":["city","days"],"additionalProperties":false}"""));
		assertThatExceptionOfType(MistralToolException.class)
			.isThrownBy(() -> registry.get("get_forecast").call("{\"city\":\"Nice\",\"days\":\"many\"}"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(MistralToolException.Reason.INVALID_ARGUMENTS));
		assertThat(registry.maxRounds()).isEqualTo(3);
		assertThat(registry.failurePolicy()).isEqualTo(ToolFailurePolicy.THROW);
	}

	@Test
	void badInputIsRejectedWithWhatToFix() {
		assertThatIllegalArgumentException().isThrownBy(() -> ToolRegistry.of(new Weather(), new Clash()))
			.withMessageStartingWith("Two tools are named 'temperature'")
			.withMessageContaining("@MistralTool(name = ...)");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolRegistry.of(new BadName()))
			.withMessageContaining("Tool name 'get weather!'")
			.withMessageContaining("1 to 64 letters, digits, '_' or '-'");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolRegistry.of("not a tool"))
			.withMessage("java.lang.String has no @MistralTool method");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolRegistry.builder().maxRounds(0))
			.withMessage("maxRounds must be at least 1, was 0 (set mistral.tools.max-rounds)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ToolRegistry.builder().tool("x", "", String.class, (s) -> s).build())
			.withMessageStartingWith("The arguments type of tool 'x' must be an object type");
		assertThat(ToolRegistry.hasToolMethods(Weather.class)).isTrue();
		assertThat(ToolRegistry.hasToolMethods(String.class)).isFalse();
	}

	@Test
	void methodsAreInvokedThroughJdkProxies() {
		FriendlyGreeter target = new FriendlyGreeter();
		AtomicInteger intercepted = new AtomicInteger();
		Greeter proxy = (Greeter) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Greeter.class },
				(self, method, args) -> {
					intercepted.incrementAndGet();
					return method.invoke(target, args);
				});
		ToolRegistry registry = ToolRegistry.builder().annotated(FriendlyGreeter.class, () -> proxy).build();

		assertThat(registry.get("greet").definition().description()).isEqualTo("Greets someone");
		assertThat(registry.get("greet").call("{\"name\":\"Ada\"}")).isEqualTo("Hello Ada");
		assertThat(intercepted).hasValue(1);
	}

	enum Unit {

		CELSIUS, FAHRENHEIT

	}

	record Forecast(String city, int days) {
	}

	static class Weather {

		int cleared;

		@MistralTool(description = "Current temperature of a city")
		String temperature(String city, Optional<Unit> unit) {
			return city + " " + unit.map(Unit::name).orElse("default");
		}

		@MistralTool(name = "forecast")
		List<Integer> forecast(Forecast request, @ToolParam(required = false) int offset) {
			return List.of(request.days(), offset);
		}

		@MistralTool(name = "clear_cache", description = "Clears the cache")
		void clear() {
			this.cleared++;
		}

		@MistralTool(name = "checked")
		String checked() throws IOException {
			throw new IOException("disk full");
		}

		String notATool() {
			return "";
		}

	}

	static class Clash {

		@MistralTool(name = "temperature")
		String other() {
			return "";
		}

	}

	static class BadName {

		@MistralTool(name = "get weather!")
		String weather() {
			return "";
		}

	}

	public interface Greeter {

		@MistralTool(name = "greet", description = "Greets someone")
		String greet(String name);

	}

	static class FriendlyGreeter implements Greeter {

		@Override
		public String greet(String name) {
			return "Hello " + name;
		}

	}

}
