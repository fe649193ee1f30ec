package dev.mistralboot.contract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiContractRequestTests {

	static final String JSON = "application/json";
	static final String CHAT = "/v1/chat/completions";

	static OpenApiContract contract;

	@BeforeAll
	static void loadContract() {
		contract = OpenApiContract.get();
	}

	String chat(String extraFields, String... messages) {
		return "{\"model\":\"mistral-small-latest\"" + extraFields + ",\"messages\":[" + String.join(",", messages)
				+ "]}";
	}

	static final String USER = "{\"role\":\"user\",\"content\":\"What is the capital of France?\"}";

	@Nested
	class JsonBodies {

		@Test
		void validChatRequestPasses() {
			assertThat(
					contract.validateRequest("POST", CHAT, JSON, chat(",\"temperature\":0.3,\"max_tokens\":64", USER)))
				.isEmpty();
			contract.assertRequestValid("post", CHAT, "application/json; charset=UTF-8", chat("", USER));
		}

		@Test
		void chatWithToolCallRoundTripPasses() {
			String body = chat(
					",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\","
							+ "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}],"
							+ "\"tool_choice\":\"auto\"",
					USER,
					"{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"abcDEF123\",\"type\":\"function\","
							+ "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}",
					"{\"role\":\"tool\",\"tool_call_id\":\"abcDEF123\",\"name\":\"weather\",\"content\":\"sunny\"}");
			assertThat(contract.validateRequest("POST", CHAT, JSON, body)).isEmpty();
		}

		@Test
		void unsharingALibraryNeedsNoLevelButStillItsRequiredFields() {
			// the file requires a 'level' it does not define (a description fix drops it)
			String path = "/v1/libraries/0197a2f5-3c4d-7e8f-9a0b-1c2d3e4f5a6b/share";
			assertThat(contract.validateRequest("DELETE", path, JSON,
					"{\"share_with_uuid\":\"0197a2f7-aaaa-7bbb-8ccc-dddd00001111\",\"share_with_type\":\"User\"}"))
				.isEmpty();
			assertThat(contract.validateRequest("DELETE", path, JSON, "{\"share_with_type\":\"User\"}")).singleElement()
				.asString()
				.contains("share_with_uuid");
		}

		@Test
		void unknownFieldIsRejected() {
			List<String> errors = contract.validateRequest("POST", CHAT, JSON,
					chat(",\"max_completion_tokens\":10", USER));
			assertThat(errors).singleElement()
				.asString()
				.contains("max_completion_tokens")
				.contains("not defined in the schema");
		}

		@Test
		void temperatureOfSevenIsRejected() {
			List<String> errors = contract.validateRequest("POST", CHAT, JSON, chat(",\"temperature\":7", USER));
			assertThat(errors).anySatisfy(
					(error) -> assertThat(error).isEqualTo("body /temperature: must have a maximum value of 1.5"));
		}

		@Test
		void toolMessageWithoutContentIsRejected() {
			List<String> errors = contract.validateRequest("POST", CHAT, JSON,
					chat("", USER, "{\"role\":\"tool\",\"tool_call_id\":\"abcDEF123\"}"));
			assertThat(errors).contains("body /messages/1: required property 'content' not found");
		}

		@Test
		void invalidJsonIsAnError() {
			assertThat(contract.validateRequest("POST", CHAT, JSON, "{\"model\": ")).singleElement()
				.asString()
				.startsWith("request body is not valid JSON");
		}

		@Test
		void missingRequiredBodyAndMissingContentTypeAreErrors() {
			assertThat(contract.validateRequest("POST", CHAT)).singleElement()
				.asString()
				.contains("request body is required");
			assertThat(contract.validateRequest("POST", CHAT, null, chat("", USER))).singleElement()
				.asString()
				.contains("without Content-Type");
			assertThat(contract.validateRequest("POST", CHAT, "text/plain", chat("", USER))).singleElement()
				.asString()
				.contains("Content-Type text/plain is not accepted");
		}

		@Test
		void bodyForAnOperationWithoutBodyIsAnError() {
			assertThat(contract.validateRequest("GET", "/v1/models", JSON, "{}")).singleElement()
				.asString()
				.contains("declares no request body");
		}

		@Test
		void assertionMessageNamesOperationErrorsAndTruncatedBody() {
			String longContent = "x".repeat(5000);
			String body = chat(",\"temperature\":7", "{\"role\":\"user\",\"content\":\"" + longContent + "\"}");
			assertThatThrownBy(() -> contract.assertRequestValid("POST", CHAT, JSON, body))
				.isInstanceOf(AssertionError.class)
				.hasMessageContaining("POST /v1/chat/completions (operation chat_completion_v1_chat_completions_post)")
				.hasMessageContaining("  - body /temperature: must have a maximum value of 1.5")
				.hasMessageContaining("Body (application/json, " + body.length() + " bytes)")
				.hasMessageContaining("more characters)")
				.satisfies((error) -> assertThat(error.getMessage().length()).isLessThan(3000));
		}

	}

	@Nested
	class Matching {

		@Test
		void chatHasNoStreamVariantSoStreamingChatMapsToTheSameOperation() {
			assertThat(contract.operations("chat")).extracting(Operation::streaming).containsExactly(false);
			String streaming = chat(",\"stream\":true", USER);
			assertThat(contract.operationId("POST", CHAT, streaming.getBytes(StandardCharsets.UTF_8)))
				.contains("chat_completion_v1_chat_completions_post");
			assertThat(contract.validateRequest("POST", CHAT, JSON, streaming)).isEmpty();
		}

		@Test
		void streamTrueSelectsTheStreamVariantWhereTheFileHasOne() {
			String plain = "{\"inputs\":\"Hello\",\"model\":\"mistral-medium-latest\",\"stream\":false}";
			String streaming = "{\"inputs\":\"Hello\",\"model\":\"mistral-medium-latest\",\"stream\":true}";
			assertThat(contract.operationId("POST", "/v1/conversations", plain.getBytes(StandardCharsets.UTF_8)))
				.contains("agents_api_v1_conversations_start");
			assertThat(contract.operationId("POST", "/v1/conversations", streaming.getBytes(StandardCharsets.UTF_8)))
				.contains("agents_api_v1_conversations_start_stream");
			assertThat(contract.operationId("POST", "/v1/conversations/conv_123",
					streaming.getBytes(StandardCharsets.UTF_8)))
				.contains("agents_api_v1_conversations_append_stream");
			// each variant's schema only accepts its own stream value, so the selection
			// is what makes both valid
			assertThat(contract.validateRequest("POST", "/v1/conversations", JSON, plain)).isEmpty();
			assertThat(contract.validateRequest("POST", "/v1/conversations", JSON, streaming)).isEmpty();
		}

		@Test
		void pathTemplateWithParameterMatches() {
			assertThat(contract.operationId("GET", "/v1/files/abc-123", null))
				.contains("files_api_routes_retrieve_file");
			assertThat(contract.validateRequest("GET", "/v1/files/abc-123")).isEmpty();
			assertThat(contract.operationId("DELETE", "https://api.mistral.ai/v1/files/abc-123?x=1", null))
				.contains("files_api_routes_delete_file");
			assertThat(contract.operationId("GET", "/v1/files/abc-123/content", null))
				.contains("files_api_routes_download_file");
		}

		@Test
		void literalSegmentWinsOverParameter() {
			assertThat(contract.operationId("GET", "/v1/agents/pages", null))
				.contains("agents_api_v1_agents_list_pages");
			assertThat(contract.operationId("GET", "/v1/agents/ag_123", null)).contains("agents_api_v1_agents_get");
		}

		@Test
		void unknownPathIsAnError() {
			assertThat(contract.validateRequest("GET", "/v1/nothing/here")).singleElement()
				.asString()
				.startsWith("no operation GET /v1/nothing/here in the spec");
			assertThat(contract.operationId("GET", "/v1/nothing/here", null)).isEmpty();
			assertThat(contract.validateRequest("GET", "/v1/files/")).singleElement()
				.asString()
				.startsWith("no operation GET /v1/files/ in the spec");
		}

		@Test
		void wrongMethodIsAnErrorNamingTheDeclaredOnes() {
			assertThat(contract.validateRequest("PUT", CHAT, JSON, chat("", USER))).singleElement()
				.asString()
				.startsWith("no operation PUT /v1/chat/completions in the spec")
				.contains("POST /v1/chat/completions");
		}

	}

	@Nested
	class Parameters {

		@Test
		void declaredQueryParametersPass() {
			assertThat(contract.validateRequest("GET",
					"/v1/files?page=0&page_size=20&include_total=false&purpose=batch&sample_type=instruct&sample_type=pretrain&search=my%20file"))
				.isEmpty();
			assertThat(contract.validateRequest("GET", "/v1/batch/jobs?status=RUNNING&status=QUEUED")).isEmpty();
		}

		@Test
		void unknownQueryParameterIsAnError() {
			assertThat(contract.validateRequest("GET", "/v1/files?page=0&pageSize=20")).singleElement()
				.asString()
				.startsWith("unknown query parameter 'pageSize'")
				.contains("page_size");
			assertThat(contract.validateRequest("GET", "/v1/files/abc-123?verbose=true")).singleElement()
				.asString()
				.contains("the operation declares no query parameters");
		}

		@Test
		void queryParameterTypesAndEnumsAreChecked() {
			assertThat(contract.validateRequest("GET", "/v1/files?page=first"))
				.containsExactly("query parameter 'page': string found, integer expected");
			assertThat(contract.validateRequest("GET", "/v1/files?purpose=training")).anySatisfy(
					(error) -> assertThat(error).startsWith("query parameter 'purpose'").contains("enumeration"));
			assertThat(contract.validateRequest("GET", "/v1/files?page=1&page=2"))
				.containsExactly("query parameter 'page' is repeated 2 times but is not an array");
		}

		@Test
		void badPercentEncodingIsAnErrorNotAnException() {
			assertThat(contract.validateRequest("GET", "/v1/files?search=%zz")).singleElement()
				.asString()
				.startsWith("query string is not properly percent-encoded");
		}

		@Test
		void queryParameterPatternIsChecked() {
			assertThat(contract.validateRequest("DELETE", "/v1/agents/ag_1/aliases?alias=prod-v2")).isEmpty();
			assertThat(contract.validateRequest("DELETE", "/v1/agents/ag_1/aliases?alias=Prod%20V2")).singleElement()
				.asString()
				.startsWith("query parameter 'alias': does not match the regex pattern");
		}

		@Test
		void missingRequiredQueryParameterIsAnError() {
			Operation withRequired = contract.operations()
				.stream()
				.filter((op) -> op.path().equals("/v1/agents/{agent_id}/aliases") && op.method().equals("DELETE"))
				.findFirst()
				.orElseThrow();
			assertThat(contract.validateRequest(withRequired.method(), "/v1/agents/ag_1/aliases"))
				.contains("missing required query parameter 'alias'");
		}

	}

	@Nested
	class Multipart {

		static final String BOUNDARY = "----contract-test-7MA4YWxkTrZu0gW";

		static byte[] form(String[]... fields) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			for (String[] field : fields) {
				StringBuilder head = new StringBuilder("--").append(BOUNDARY)
					.append("\r\n")
					.append("Content-Disposition: form-data; name=\"")
					.append(field[0])
					.append('"');
				if (field.length > 2) {
					head.append("; filename=\"")
						.append(field[2])
						.append("\"\r\nContent-Type: application/octet-stream");
				}
				head.append("\r\n\r\n");
				out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
				out.writeBytes(field[1].getBytes(StandardCharsets.UTF_8));
				out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return out.toByteArray();
		}

		static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

		@Test
		void validFileUploadPasses() {
			byte[] body = form(new String[] { "purpose", "fine-tune" },
					new String[] { "file", "{\"messages\":[]}\n", "train.jsonl" });
			assertThat(contract.validateRequest("POST", "/v1/files", MULTIPART, body)).isEmpty();
			assertThat(contract.operationId("POST", "/v1/files", body)).contains("files_api_routes_upload_file");
		}

		@Test
		void uploadWithoutFilePartFails() {
			byte[] body = form(new String[] { "purpose", "fine-tune" });
			assertThat(contract.validateRequest("POST", "/v1/files", MULTIPART, body))
				.containsExactly("multipart form: required property 'file' not found");
		}

		@Test
		void unknownFieldsBadEnumsAndFileForValueAreErrors() {
			byte[] body = form(new String[] { "purpose", "training" }, new String[] { "expiry", "soon" },
					new String[] { "name", "x" }, new String[] { "file", "data", "a.jsonl" });
			List<String> errors = contract.validateRequest("POST", "/v1/files", MULTIPART, body);
			assertThat(errors).anySatisfy((e) -> assertThat(e).startsWith("unknown multipart field 'name'"));
			assertThat(errors)
				.anySatisfy((e) -> assertThat(e).startsWith("multipart form /purpose").contains("enumeration"));
			assertThat(errors).anySatisfy((e) -> assertThat(e).startsWith("multipart form /expiry"));

			byte[] purposeAsFile = form(new String[] { "purpose", "batch", "purpose.txt" },
					new String[] { "file", "data", "a.jsonl" });
			assertThat(contract.validateRequest("POST", "/v1/files", MULTIPART, purposeAsFile)).singleElement()
				.asString()
				.contains("is sent as a file");
		}

		@Test
		void transcriptionStreamFieldSelectsTheStreamVariant() {
			byte[] plain = form(new String[] { "model", "voxtral-mini-latest" },
					new String[] { "file", "RIFF....WAVE", "speech.wav" },
					new String[] { "timestamp_granularities", "segment" });
			byte[] streaming = form(new String[] { "model", "voxtral-mini-latest" },
					new String[] { "file", "RIFF....WAVE", "speech.wav" }, new String[] { "stream", "true" });
			assertThat(contract.operationId("POST", "/v1/audio/transcriptions", plain))
				.contains("audio_api_v1_transcriptions_post");
			assertThat(contract.operationId("POST", "/v1/audio/transcriptions", streaming))
				.contains("audio_api_v1_transcriptions_post_stream");
			assertThat(contract.validateRequest("POST", "/v1/audio/transcriptions", MULTIPART, plain)).isEmpty();
			assertThat(contract.validateRequest("POST", "/v1/audio/transcriptions", MULTIPART, streaming)).isEmpty();
		}

		@Test
		void malformedMultipartIsAnError() {
			assertThat(contract.validateRequest("POST", "/v1/files", "multipart/form-data",
					form(new String[] { "a", "b" })))
				.singleElement()
				.asString()
				.contains("has no boundary");
			assertThat(contract.validateRequest("POST", "/v1/files", MULTIPART, "not a form")).singleElement()
				.asString()
				.contains("does not contain the boundary");
		}

	}

}
