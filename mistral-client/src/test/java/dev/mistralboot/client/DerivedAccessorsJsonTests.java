package dev.mistralboot.client;

import dev.mistralboot.client.core.MistralJson;
import dev.mistralboot.client.finetuning.FineTuningJob;
import dev.mistralboot.client.models.ModelCard;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Convenience accessors of the model types ({@code isTerminal()}, {@code isFineTuned()})
 * are not JSON properties: an object written back out (as an application's REST
 * controller does) has only the API's fields.
 */
class DerivedAccessorsJsonTests {

	private final JsonMapper mapper = MistralJson.defaultMapper();

	@Test
	void fineTuningJobWrittenBackHasNoDerivedField() {
		FineTuningJob job = this.mapper.readValue(
				"{\"id\":\"j1\",\"job_type\":\"completion\",\"status\":\"SUCCESS\",\"model\":\"open-mistral-7b\"}",
				FineTuningJob.class);
		assertThat(job.isTerminal()).isTrue();
		String json = this.mapper.writeValueAsString(job);
		assertThat(json).contains("\"id\":\"j1\"").doesNotContain("terminal");
	}

	@Test
	void modelCardWrittenBackHasNoDerivedField() {
		ModelCard card = this.mapper
			.readValue("{\"id\":\"ft:m\",\"type\":\"fine-tuned\",\"job\":\"j1\",\"root\":\"m\"}", ModelCard.class);
		assertThat(card.isFineTuned()).isTrue();
		String json = this.mapper.writeValueAsString(card);
		assertThat(json).contains("\"id\":\"ft:m\"").doesNotContain("fine_tuned\"").doesNotContain("fineTuned");
	}

}
