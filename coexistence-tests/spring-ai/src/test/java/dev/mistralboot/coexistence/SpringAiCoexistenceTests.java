package dev.mistralboot.coexistence;

import java.util.List;
import java.util.Map;

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.FunctionTool;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.tools.MistralTool;
import dev.mistralboot.client.chat.tools.ToolParam;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.test.MockMistral;
import dev.mistralboot.test.autoconfigure.AutoConfigureMockMistral;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our starter beside Spring AI's Mistral starter in one application: both
 * auto-configurations start, and our chat client, its tool loop (schemas generated with
 * victools) and structured output work.
 */
@SpringBootTest(properties = "spring.ai.mistralai.api-key=not-used-by-this-test")
@AutoConfigureMockMistral
class SpringAiCoexistenceTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MistralChatClient chat;

	@Autowired
	private ToolRegistry tools;

	@Autowired
	private MockMistral mistral;

	@Test
	void bothStartersStartAndOursWorks() throws ClassNotFoundException {
		Class<?> springAiChatModel = Class.forName("org.springframework.ai.mistralai.MistralAiChatModel");
		assertThat(this.context.getBeansOfType(springAiChatModel)).as("Spring AI's Mistral chat model").hasSize(1);

		this.mistral.chat().replyWithToolCall("weather", "{\"city\":\"Paris\"}").reply("Sunny in Paris.");
		String answer = this.chat.withTools(this.tools)
			.complete(ChatCompletionRequest.builder().user("Weather in Paris?").build())
			.text();
		assertThat(answer).isEqualTo("Sunny in Paris.");
		FunctionTool tool = (FunctionTool) this.mistral.chatRequests().get(0).tools().get(0);
		assertThat(tool.function().name()).isEqualTo("weather");
		assertThat(tool.function().parameters()).containsKey("properties");

		this.mistral.chat().reply("{\"city\":\"Paris\",\"celsius\":21}");
		Forecast forecast = this.chat.complete(ChatCompletionRequest.builder().user("Forecast?").build(),
				Forecast.class);
		assertThat(forecast).isEqualTo(new Forecast("Paris", 21));
	}

	record Forecast(String city, int celsius) {
	}

	@SpringBootApplication
	static class Application {

		@Bean
		WeatherTools weatherTools() {
			return new WeatherTools();
		}

	}

	static class WeatherTools {

		@MistralTool(name = "weather", description = "Current weather of a city")
		Map<String, Object> weather(@ToolParam(description = "The city") String city) {
			return Map.of("city", city, "sky", List.of("sunny"));
		}

	}

}
