package dev.mistralboot.client.agents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.chat.GuardrailConfig;
import dev.mistralboot.client.chat.Prediction;
import dev.mistralboot.client.chat.PromptMode;
import dev.mistralboot.client.chat.ReasoningEffort;
import dev.mistralboot.client.chat.ResponseFormat;
import dev.mistralboot.client.chat.ServiceTier;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.chat.ToolChoice;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A completion by an agent ({@code AgentsCompletionRequest} of the API): a chat
 * completion request that names an {@code agent_id} instead of a model (the agent carries
 * its model, instructions and tools). Messages, tools, tool choice and response format
 * are the chat types. Immutable; build it with {@link #builder()}, derive variants with
 * {@link #toBuilder()}. Fields left {@code null} are not sent, so the agent's and the
 * API's defaults apply.
 *
 * <pre>{@code
 * AgentsCompletionRequest request = AgentsCompletionRequest.builder()
 *     .agentId("ag_0123456789")
 *     .user("Who is the best French painter?")
 *     .build();
 * }</pre>
 *
 * @param agentId the id of the agent that answers (required)
 * @param maxTokens the most tokens the answer may have
 * @param stream whether to stream; set by the client's {@code stream} methods, leave
 * {@code null}
 * @param stop sequences that end generation
 * @param randomSeed the seed for sampling, for reproducible answers
 * @param metadata free metadata attached to the request
 * @param messages the conversation (required, at least one message)
 * @param responseFormat the form of the answer: text, JSON object or JSON schema
 * @param tools the tools the model may use, in addition to the agent's
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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentsCompletionRequest(String agentId, @Nullable Integer maxTokens, @Nullable Boolean stream,
		@Nullable List<String> stop, @Nullable Long randomSeed, @Nullable Map<String, Object> metadata,
		List<ChatMessage> messages, @Nullable ResponseFormat responseFormat, @Nullable List<Tool> tools,
		@Nullable ToolChoice toolChoice, @Nullable Double presencePenalty, @Nullable Double frequencyPenalty,
		@Nullable Integer n, @Nullable Prediction prediction, @Nullable Boolean parallelToolCalls,
		@Nullable ReasoningEffort reasoningEffort, @Nullable PromptMode promptMode,
		@Nullable List<GuardrailConfig> guardrails, @Nullable String promptCacheKey,
		@Nullable ServiceTier serviceTier) {

	/**
	 * Validates the request and copies its lists.
	 */
	public AgentsCompletionRequest {
		if (agentId == null || agentId.isBlank()) {
			throw new IllegalArgumentException("An agents completion request needs an agent id: set it with "
					+ "AgentsCompletionRequest.builder().agentId(\"...\") (create agents in La Plateforme or with the agents API)");
		}
		if (messages == null || messages.isEmpty()) {
			throw new IllegalArgumentException("An agents completion request needs at least one message: add one with "
					+ "AgentsCompletionRequest.builder().user(\"...\")");
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
		builder.agentId = this.agentId;
		builder.maxTokens = this.maxTokens;
		builder.stream = this.stream;
		builder.stop = (this.stop != null) ? new ArrayList<>(this.stop) : null;
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
		builder.guardrails = (this.guardrails != null) ? new ArrayList<>(this.guardrails) : null;
		builder.promptCacheKey = this.promptCacheKey;
		builder.serviceTier = this.serviceTier;
		return builder;
	}

	/**
	 * Builds a {@link AgentsCompletionRequest}. {@link #build()} checks the required
	 * fields.
	 */
	public static final class Builder {

		private @Nullable String agentId;

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

		private Builder() {
		}

		/**
		 * Sets agentId.
		 * @param agentId the id of the agent that answers (required)
		 * @return this builder
		 */
		public Builder agentId(@Nullable String agentId) {
			this.agentId = agentId;
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
		 * Sets stop.
		 * @param stop sequences that end generation
		 * @return this builder
		 */
		public Builder stop(@Nullable List<String> stop) {
			this.stop = (stop != null) ? new ArrayList<>(stop) : null;
			return this;
		}

		/**
		 * Sets stop.
		 * @param stop sequences that end generation
		 * @return this builder
		 */
		public Builder stop(String... stop) {
			return stop(Arrays.asList(stop));
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
		 * Sets responseFormat.
		 * @param responseFormat the form of the answer: text, JSON object or JSON schema
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Sets tools.
		 * @param tools the tools the model may use, in addition to the agent's
		 * @return this builder
		 */
		public Builder tools(@Nullable List<? extends Tool> tools) {
			this.tools = (tools != null) ? new ArrayList<>(tools) : null;
			return this;
		}

		/**
		 * Sets tools.
		 * @param tools the tools the model may use, in addition to the agent's
		 * @return this builder
		 */
		public Builder tools(Tool... tools) {
			return tools(Arrays.asList(tools));
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
		 * Sets guardrails.
		 * @param guardrails moderation guardrails
		 * @return this builder
		 */
		public Builder guardrails(@Nullable List<? extends GuardrailConfig> guardrails) {
			this.guardrails = (guardrails != null) ? new ArrayList<>(guardrails) : null;
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
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when the agent id or the messages are missing,
		 * or a value is out of range
		 */
		public AgentsCompletionRequest build() {
			return new AgentsCompletionRequest(this.agentId, this.maxTokens, this.stream, this.stop, this.randomSeed,
					this.metadata, this.messages, this.responseFormat, this.tools, this.toolChoice,
					this.presencePenalty, this.frequencyPenalty, this.n, this.prediction, this.parallelToolCalls,
					this.reasoningEffort, this.promptMode, this.guardrails, this.promptCacheKey, this.serviceTier);
		}

	}

}
