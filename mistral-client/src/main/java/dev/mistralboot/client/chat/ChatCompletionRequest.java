package dev.mistralboot.client.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mistralboot.client.core.ObservedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A chat completion request ({@code ChatCompletionRequest} of the API), with every field
 * of the API description. Immutable; build it with {@link #builder()}, derive variants
 * with {@link #toBuilder()}. Fields left {@code null} are not sent, so the API's defaults
 * (or the client's configured defaults for model, temperature, max tokens and safe
 * prompt) apply.
 *
 * @param model the model, such as {@code mistral-large-latest}; when {@code null} the
 * client's default model is used
 * @param temperature sampling temperature (0 to 1.5 in the API description; lower is more
 * deterministic)
 * @param topP nucleus sampling: the probability mass of tokens considered (0 to 1)
 * @param maxTokens the most tokens the answer may have
 * @param stream whether to stream; set by the client's {@code stream} methods, leave
 * {@code null}
 * @param stop sequences that end generation
 * @param randomSeed the seed for sampling, for reproducible answers
 * @param metadata free metadata attached to the request
 * @param messages the conversation (required, at least one message)
 * @param responseFormat the form of the answer: text, JSON object or JSON schema
 * @param tools the tools the model may use
 * @param toolChoice whether and which tools the model must use
 * @param presencePenalty penalises tokens already present, for more varied answers (-2 to
 * 2)
 * @param frequencyPenalty penalises frequent tokens, against repetition (-2 to 2)
 * @param n the number of answers to generate
 * @param prediction expected output, to speed up edits of known text
 * @param parallelToolCalls whether the model may ask for several tool calls at once
 * @param reasoningEffort how much a reasoning model thinks
 * @param promptMode the system prompt mode of a reasoning model
 * @param guardrails moderation guardrails
 * @param promptCacheKey a key grouping requests that share a prompt prefix, for caching
 * @param serviceTier the service tier asked for
 * @param safePrompt whether to inject Mistral's safety prompt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletionRequest(@Nullable String model, @Nullable Double temperature, @Nullable Double topP,
		@Nullable Integer maxTokens, @Nullable Boolean stream, @Nullable List<String> stop, @Nullable Long randomSeed,
		@Nullable Map<String, Object> metadata, List<ChatMessage> messages, @Nullable ResponseFormat responseFormat,
		@Nullable List<Tool> tools, @Nullable ToolChoice toolChoice, @Nullable Double presencePenalty,
		@Nullable Double frequencyPenalty, @Nullable Integer n, @Nullable Prediction prediction,
		@Nullable Boolean parallelToolCalls, @Nullable ReasoningEffort reasoningEffort, @Nullable PromptMode promptMode,
		@Nullable List<GuardrailConfig> guardrails, @Nullable String promptCacheKey, @Nullable ServiceTier serviceTier,
		@Nullable Boolean safePrompt) implements ObservedRequest {

	/**
	 * Validates the request and copies its lists.
	 */
	public ChatCompletionRequest {
		if (messages == null || messages.isEmpty()) {
			throw new IllegalArgumentException("A chat request needs at least one message: add one with "
					+ "ChatCompletionRequest.builder().user(\"...\")");
		}
		for (int i = 0; i < messages.size(); i++) {
			if (messages.get(i) == null) {
				throw new IllegalArgumentException("messages[" + i + "] is null");
			}
		}
		messages = List.copyOf(messages);
		stop = (stop != null) ? List.copyOf(stop) : null;
		tools = (tools != null) ? List.copyOf(tools) : null;
		guardrails = (guardrails != null) ? List.copyOf(guardrails) : null;
		if (model != null && model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
		if (n != null && n < 1) {
			throw new IllegalArgumentException("n must be at least 1, was " + n);
		}
		if (maxTokens != null && maxTokens < 0) {
			throw new IllegalArgumentException("maxTokens must not be negative, was " + maxTokens);
		}
		if (randomSeed != null && randomSeed < 0) {
			throw new IllegalArgumentException("randomSeed must not be negative, was " + randomSeed);
		}
	}

	/**
	 * The conversation as plain text, one {@code role: text} line per message (thinking,
	 * images and other non-text parts left out), for observations that record content.
	 * @return the prompt text
	 */
	@JsonIgnore
	@Override
	public String observedInput() {
		StringBuilder text = new StringBuilder();
		for (ChatMessage message : this.messages) {
			Content content = null;
			if (message instanceof SystemMessage system) {
				content = system.content();
			}
			else if (message instanceof UserMessage user) {
				content = user.content();
			}
			else if (message instanceof AssistantMessage assistant) {
				content = assistant.content();
			}
			else if (message instanceof ToolMessage tool) {
				content = tool.content();
			}
			if (!text.isEmpty()) {
				text.append('\n');
			}
			text.append(message.role()).append(": ").append((content != null) ? content.text() : "");
		}
		return text.toString();
	}

	/**
	 * Starts a request.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this request's values.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.model = this.model;
		builder.temperature = this.temperature;
		builder.topP = this.topP;
		builder.maxTokens = this.maxTokens;
		builder.stream = this.stream;
		builder.stop = this.stop;
		builder.randomSeed = this.randomSeed;
		builder.metadata = this.metadata;
		builder.messages = new ArrayList<>(this.messages);
		builder.responseFormat = this.responseFormat;
		builder.tools = (this.tools != null) ? new ArrayList<>(this.tools) : null;
		builder.toolChoice = this.toolChoice;
		builder.presencePenalty = this.presencePenalty;
		builder.frequencyPenalty = this.frequencyPenalty;
		builder.n = this.n;
		builder.prediction = this.prediction;
		builder.parallelToolCalls = this.parallelToolCalls;
		builder.reasoningEffort = this.reasoningEffort;
		builder.promptMode = this.promptMode;
		builder.guardrails = this.guardrails;
		builder.promptCacheKey = this.promptCacheKey;
		builder.serviceTier = this.serviceTier;
		builder.safePrompt = this.safePrompt;
		return builder;
	}

	/**
	 * Builds a {@link ChatCompletionRequest}. {@link #build()} checks the required
	 * fields.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable Integer maxTokens;

		private @Nullable Boolean stream;

		private @Nullable List<String> stop;

		private @Nullable Long randomSeed;

		private @Nullable Map<String, Object> metadata;

		private List<ChatMessage> messages = new ArrayList<>();

		private @Nullable ResponseFormat responseFormat;

		private @Nullable List<Tool> tools;

		private @Nullable ToolChoice toolChoice;

		private @Nullable Double presencePenalty;

		private @Nullable Double frequencyPenalty;

		private @Nullable Integer n;

		private @Nullable Prediction prediction;

		private @Nullable Boolean parallelToolCalls;

		private @Nullable ReasoningEffort reasoningEffort;

		private @Nullable PromptMode promptMode;

		private @Nullable List<GuardrailConfig> guardrails;

		private @Nullable String promptCacheKey;

		private @Nullable ServiceTier serviceTier;

		private @Nullable Boolean safePrompt;

		private Builder() {
		}

		/**
		 * Sets model.
		 * @param model the model, such as {@code mistral-large-latest}; when {@code null}
		 * the client's default model is used
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets temperature.
		 * @param temperature sampling temperature (0 to 1.5 in the API description; lower
		 * is more deterministic)
		 * @return this builder
		 */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Sets topP.
		 * @param topP nucleus sampling: the probability mass of tokens considered (0 to
		 * 1)
		 * @return this builder
		 */
		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		/**
		 * Sets maxTokens.
		 * @param maxTokens the most tokens the answer may have
		 * @return this builder
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Sets stream.
		 * @param stream whether to stream; set by the client's {@code stream} methods,
		 * leave {@code null}
		 * @return this builder
		 */
		public Builder stream(@Nullable Boolean stream) {
			this.stream = stream;
			return this;
		}

		/**
		 * Sets the stop sequences.
		 * @param stop sequences that end generation
		 * @return this builder
		 */
		public Builder stop(@Nullable List<String> stop) {
			this.stop = stop;
			return this;
		}

		/**
		 * Sets the stop sequences.
		 * @param stop sequences that end generation
		 * @return this builder
		 */
		public Builder stop(String... stop) {
			return stop(List.of(stop));
		}

		/**
		 * Sets randomSeed.
		 * @param randomSeed the seed for sampling, for reproducible answers
		 * @return this builder
		 */
		public Builder randomSeed(@Nullable Long randomSeed) {
			this.randomSeed = randomSeed;
			return this;
		}

		/**
		 * Sets metadata.
		 * @param metadata free metadata attached to the request
		 * @return this builder
		 */
		public Builder metadata(@Nullable Map<String, Object> metadata) {
			this.metadata = metadata;
			return this;
		}

		/**
		 * Replaces the messages.
		 * @param messages the conversation
		 * @return this builder
		 */
		public Builder messages(List<? extends ChatMessage> messages) {
			this.messages = new ArrayList<>(messages);
			return this;
		}

		/**
		 * Appends messages.
		 * @param messages the messages to add
		 * @return this builder
		 */
		public Builder addMessages(ChatMessage... messages) {
			this.messages.addAll(Arrays.asList(messages));
			return this;
		}

		/**
		 * Appends a system message.
		 * @param text the instructions
		 * @return this builder
		 */
		public Builder system(String text) {
			return addMessages(ChatMessage.system(text));
		}

		/**
		 * Appends a user message.
		 * @param text the text
		 * @return this builder
		 */
		public Builder user(String text) {
			return addMessages(ChatMessage.user(text));
		}

		/**
		 * Sets responseFormat.
		 * @param responseFormat the form of the answer: text, JSON object or JSON schema
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Sets the tools.
		 * @param tools the tools the model may use
		 * @return this builder
		 */
		public Builder tools(@Nullable List<? extends Tool> tools) {
			this.tools = (tools != null) ? new ArrayList<>(tools) : null;
			return this;
		}

		/**
		 * Sets the tools.
		 * @param tools the tools the model may use
		 * @return this builder
		 */
		public Builder tools(Tool... tools) {
			return tools(List.of(tools));
		}

		/**
		 * Sets toolChoice.
		 * @param toolChoice whether and which tools the model must use
		 * @return this builder
		 */
		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/**
		 * Sets presencePenalty.
		 * @param presencePenalty penalises tokens already present, for more varied
		 * answers (-2 to 2)
		 * @return this builder
		 */
		public Builder presencePenalty(@Nullable Double presencePenalty) {
			this.presencePenalty = presencePenalty;
			return this;
		}

		/**
		 * Sets frequencyPenalty.
		 * @param frequencyPenalty penalises frequent tokens, against repetition (-2 to 2)
		 * @return this builder
		 */
		public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
			this.frequencyPenalty = frequencyPenalty;
			return this;
		}

		/**
		 * Sets n.
		 * @param n the number of answers to generate
		 * @return this builder
		 */
		public Builder n(@Nullable Integer n) {
			this.n = n;
			return this;
		}

		/**
		 * Sets prediction.
		 * @param prediction expected output, to speed up edits of known text
		 * @return this builder
		 */
		public Builder prediction(@Nullable Prediction prediction) {
			this.prediction = prediction;
			return this;
		}

		/**
		 * Sets parallelToolCalls.
		 * @param parallelToolCalls whether the model may ask for several tool calls at
		 * once
		 * @return this builder
		 */
		public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
			return this;
		}

		/**
		 * Sets reasoningEffort.
		 * @param reasoningEffort how much a reasoning model thinks
		 * @return this builder
		 */
		public Builder reasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * Sets promptMode.
		 * @param promptMode the system prompt mode of a reasoning model
		 * @return this builder
		 */
		public Builder promptMode(@Nullable PromptMode promptMode) {
			this.promptMode = promptMode;
			return this;
		}

		/**
		 * Sets the guardrails.
		 * @param guardrails moderation guardrails
		 * @return this builder
		 */
		public Builder guardrails(@Nullable List<GuardrailConfig> guardrails) {
			this.guardrails = guardrails;
			return this;
		}

		/**
		 * Sets promptCacheKey.
		 * @param promptCacheKey a key grouping requests that share a prompt prefix, for
		 * caching
		 * @return this builder
		 */
		public Builder promptCacheKey(@Nullable String promptCacheKey) {
			this.promptCacheKey = promptCacheKey;
			return this;
		}

		/**
		 * Sets serviceTier.
		 * @param serviceTier the service tier asked for
		 * @return this builder
		 */
		public Builder serviceTier(@Nullable ServiceTier serviceTier) {
			this.serviceTier = serviceTier;
			return this;
		}

		/**
		 * Sets safePrompt.
		 * @param safePrompt whether to inject Mistral's safety prompt
		 * @return this builder
		 */
		public Builder safePrompt(@Nullable Boolean safePrompt) {
			this.safePrompt = safePrompt;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when no message was added or a value is out of
		 * range
		 */
		public ChatCompletionRequest build() {
			return new ChatCompletionRequest(this.model, this.temperature, this.topP, this.maxTokens, this.stream,
					this.stop, this.randomSeed, this.metadata, this.messages, this.responseFormat, this.tools,
					this.toolChoice, this.presencePenalty, this.frequencyPenalty, this.n, this.prediction,
					this.parallelToolCalls, this.reasoningEffort, this.promptMode, this.guardrails, this.promptCacheKey,
					this.serviceTier, this.safePrompt);
		}

	}

}
