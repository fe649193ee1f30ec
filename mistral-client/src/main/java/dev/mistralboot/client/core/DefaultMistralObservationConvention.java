package dev.mistralboot.client.core;

import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link MistralObservationConvention}, after the OpenTelemetry GenAI client
 * conventions.
 * <p>
 * Name {@value #NAME}; contextual (span) name {@code "<operation> <model>"}, such as
 * {@code chat mistral-small-latest}.
 * <p>
 * Low-cardinality tags (on metrics and spans): {@value #OPERATION_NAME} ({@code chat},
 * {@code text_completion} for FIM, {@code embeddings}, {@code create_agent},
 * {@code invoke_agent} for starting, appending to and restarting a conversation, whole or
 * streamed; other operations keep their own name such as {@code files.upload} or
 * {@code audio.transcriptions}), {@value #PROVIDER_NAME} ({@value #PROVIDER}),
 * {@value #REQUEST_MODEL}, {@value #RESPONSE_MODEL}, {@value #ERROR_TYPE} (the HTTP
 * status of an API error such as {@code 429}, {@code timeout}, {@code cancelled} for a
 * stream closed before its end, or the exception's class name), {@value #SERVER_ADDRESS}
 * and {@value #SERVER_PORT}. A missing value is {@value #NONE}.
 * <p>
 * High-cardinality tags (spans only), when known: the request options
 * ({@code gen_ai.request.temperature}, {@code .top_p}, {@code .max_tokens},
 * {@code .presence_penalty}, {@code .frequency_penalty}, {@code .seed},
 * {@code .stop_sequences}, {@code .choice.count}), {@value #AGENT_ID},
 * {@value #CONVERSATION_ID} (the conversation of an {@code invoke_agent} operation),
 * {@value #RESPONSE_ID}, {@value #FINISH_REASONS}, {@value #INPUT_TOKENS},
 * {@value #OUTPUT_TOKENS}, {@value #CORRELATION_ID}, and, only when created with
 * {@code includeContent}, {@value #PROMPT} and {@value #COMPLETION}. The API key is never
 * recorded.
 */
public class DefaultMistralObservationConvention implements MistralObservationConvention {

	/**
	 * The observation name, which is also the name of the timer Micrometer derives from
	 * it.
	 */
	public static final String NAME = "gen_ai.client.operation";

	/** The provider name of the GenAI conventions. */
	public static final String PROVIDER = "mistral_ai";

	/** Tag value for a missing value. */
	public static final String NONE = "none";

	/** Tag: the operation, such as {@code chat}. */
	public static final String OPERATION_NAME = "gen_ai.operation.name";

	/** Tag: the provider, {@value #PROVIDER}. */
	public static final String PROVIDER_NAME = "gen_ai.provider.name";

	/** Tag: the requested model. */
	public static final String REQUEST_MODEL = "gen_ai.request.model";

	/** The agent a request talks to (high cardinality). */
	public static final String AGENT_ID = "gen_ai.agent.id";

	/** The conversation of an {@code invoke_agent} operation (high cardinality). */
	public static final String CONVERSATION_ID = "gen_ai.conversation.id";

	private static final String INVOKE_AGENT = "invoke_agent";

	/** Tag: the model that answered. */
	public static final String RESPONSE_MODEL = "gen_ai.response.model";

	/** Tag: how the operation failed. */
	public static final String ERROR_TYPE = "error.type";

	/** Tag: the API host. */
	public static final String SERVER_ADDRESS = "server.address";

	/** Tag: the API port. */
	public static final String SERVER_PORT = "server.port";

	/** High-cardinality tag: the response id. */
	public static final String RESPONSE_ID = "gen_ai.response.id";

	/** High-cardinality tag: the finish reasons, comma-separated. */
	public static final String FINISH_REASONS = "gen_ai.response.finish_reasons";

	/** High-cardinality tag: input tokens. */
	public static final String INPUT_TOKENS = "gen_ai.usage.input_tokens";

	/** High-cardinality tag: output tokens. */
	public static final String OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

	/**
	 * High-cardinality tag: the {@code mistral-correlation-id} header Mistral support
	 * asks for.
	 */
	public static final String CORRELATION_ID = "mistral.correlation_id";

	/** High-cardinality tag: the prompt text, only with content recording. */
	public static final String PROMPT = "gen_ai.prompt";

	/** High-cardinality tag: the answer text, only with content recording. */
	public static final String COMPLETION = "gen_ai.completion";

	private final boolean includeContent;

	/**
	 * Creates the convention without prompt and answer text.
	 */
	public DefaultMistralObservationConvention() {
		this(false);
	}

	/**
	 * Creates the convention.
	 * @param includeContent whether to record the prompt and answer text as span tags
	 */
	public DefaultMistralObservationConvention(boolean includeContent) {
		this.includeContent = includeContent;
	}

	@Override
	public boolean recordsContent() {
		return this.includeContent;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(MistralObservationContext context) {
		String model = context.request().model();
		String target = (model != null) ? model : agentId(context);
		return operationName(context.request().operation()) + ((target != null) ? " " + target : "");
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MistralObservationContext context) {
		return KeyValues.of(KeyValue.of(OPERATION_NAME, operationName(context.request().operation())),
				KeyValue.of(PROVIDER_NAME, PROVIDER), KeyValue.of(REQUEST_MODEL, orNone(context.request().model())),
				KeyValue.of(RESPONSE_MODEL, orNone(context.responseModel())),
				KeyValue.of(ERROR_TYPE, errorType(context)), KeyValue.of(SERVER_ADDRESS, context.serverAddress()),
				KeyValue.of(SERVER_PORT, Integer.toString(context.serverPort())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(MistralObservationContext context) {
		KeyValues values = KeyValues.empty();
		if (context.request().jsonBody() instanceof ObservedRequest options) {
			values = add(values, "gen_ai.request.temperature", options.temperature());
			values = add(values, "gen_ai.request.top_p", options.topP());
			values = add(values, "gen_ai.request.max_tokens", options.maxTokens());
			values = add(values, "gen_ai.request.presence_penalty", options.presencePenalty());
			values = add(values, "gen_ai.request.frequency_penalty", options.frequencyPenalty());
			values = add(values, "gen_ai.request.seed", options.randomSeed());
			List<String> stop = options.stop();
			if (stop != null && !stop.isEmpty()) {
				values = values.and("gen_ai.request.stop_sequences", String.join(",", stop));
			}
			values = add(values, "gen_ai.request.choice.count", options.n());
			values = add(values, AGENT_ID, options.agentId());
		}
		if (INVOKE_AGENT.equals(operationName(context.request().operation()))) {
			// a conversation's answer is identified by the conversation
			values = add(values, CONVERSATION_ID, context.responseId());
		}
		values = add(values, RESPONSE_ID, context.responseId());
		if (!context.finishReasons().isEmpty()) {
			values = values.and(FINISH_REASONS, String.join(",", context.finishReasons()));
		}
		UsageInfo usage = context.usage();
		if (usage != null) {
			values = values.and(INPUT_TOKENS, Integer.toString(usage.promptTokens()), OUTPUT_TOKENS,
					Integer.toString(usage.completionTokens()));
		}
		values = add(values, CORRELATION_ID, correlationId(context));
		if (this.includeContent) {
			values = add(values, PROMPT, context.inputText());
			values = add(values, COMPLETION, context.outputText());
		}
		return values;
	}

	private static @Nullable String agentId(MistralObservationContext context) {
		return (context.request().jsonBody() instanceof ObservedRequest observed) ? observed.agentId() : null;
	}

	/**
	 * Maps an {@link ApiRequest#operation()} to {@code gen_ai.operation.name}:
	 * {@code chat} stays {@code chat}, {@code fim} becomes {@code text_completion},
	 * {@code agents.create} becomes {@code create_agent}, {@code conversations.start},
	 * {@code conversations.append} and {@code conversations.restart} (whole or streamed)
	 * become {@code invoke_agent}, {@code embeddings} stays; every other operation keeps
	 * its own name (the audio operations are {@code audio.transcriptions},
	 * {@code audio.speech} and {@code audio.voices.*}: the conventions name none of
	 * them).
	 * @param operation the operation of the request
	 * @return the GenAI operation name
	 */
	protected String operationName(String operation) {
		return switch (operation) {
			case "fim" -> "text_completion";
			case "agents.create" -> "create_agent";
			case "conversations.start", "conversations.append", "conversations.restart" -> INVOKE_AGENT;
			default -> operation;
		};
	}

	/**
	 * The {@code error.type} value.
	 * @param context the context
	 * @return the status code of an API error, {@code timeout}, {@code cancelled}, the
	 * exception's class name, or {@value #NONE}
	 */
	protected String errorType(MistralObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return context.isCancelled() ? "cancelled" : NONE;
		}
		if (error instanceof MistralApiException api) {
			return Integer.toString(api.getStatusCode());
		}
		if (error instanceof MistralTimeoutException) {
			return "timeout";
		}
		return error.getClass().getName();
	}

	private static @Nullable String correlationId(MistralObservationContext context) {
		ResponseMetadata metadata = context.metadata();
		if (metadata != null) {
			return metadata.correlationId();
		}
		if (context.getError() instanceof MistralApiException api) {
			return api.getHeaders().getFirst(ResponseMetadata.CORRELATION_ID_HEADER);
		}
		return null;
	}

	private static KeyValues add(KeyValues values, String key, @Nullable Object value) {
		return (value != null) ? values.and(key, value.toString()) : values;
	}

	private static String orNone(@Nullable String value) {
		return (value != null && !value.isEmpty()) ? value : NONE;
	}

}
