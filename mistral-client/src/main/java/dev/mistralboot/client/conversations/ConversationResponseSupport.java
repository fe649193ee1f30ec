package dev.mistralboot.client.conversations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mistralboot.client.core.ObservedResponse;
import dev.mistralboot.client.core.UsageInfo;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ConversationResponse}: the text of the answer, the
 * outputs by kind, and what observations read.
 */
public interface ConversationResponseSupport extends ObservedResponse {

	/**
	 * The conversation's id.
	 * @return the id
	 */
	String conversationId();

	/**
	 * The entries the turn produced.
	 * @return the outputs, in order
	 */
	List<ConversationEntry> outputs();

	/**
	 * The tokens the turn used, with connector tokens.
	 * @return the usage, or {@code null} when the API sent none
	 */
	@Nullable ConversationUsage conversationUsage();

	/**
	 * The conversation's id (what observations record as the response id).
	 * @return the conversation id
	 */
	@Override
	default String id() {
		return conversationId();
	}

	/**
	 * The model that made the first output that names one.
	 * @return the model, or {@code null} (an agent's outputs may name none)
	 */
	@Override
	default @Nullable String model() {
		return ConversationOutputs.model(outputs());
	}

	/**
	 * The tokens the turn used as the shared {@link UsageInfo} (connector tokens are in
	 * {@link #conversationUsage()}).
	 * @return the usage, or {@code null}
	 */
	@Override
	default @Nullable UsageInfo usage() {
		ConversationUsage usage = conversationUsage();
		return (usage != null) ? usage.toUsageInfo() : null;
	}

	/**
	 * The text of the answer: the text of the message outputs, joined.
	 * @return the text, empty when the turn produced no message (only function calls,
	 * say)
	 */
	@JsonIgnore
	default String text() {
		return ConversationOutputs.text(outputs());
	}

	/**
	 * The message outputs.
	 * @return the messages, in order
	 */
	@JsonIgnore
	default List<MessageOutputEntry> messages() {
		return ConversationOutputs.of(outputs(), MessageOutputEntry.class);
	}

	/**
	 * The function calls your code must answer (append a
	 * {@link ConversationEntry#functionResult(String, String)} for each).
	 * @return the calls, in order
	 */
	@JsonIgnore
	default List<FunctionCallEntry> functionCalls() {
		return ConversationOutputs.of(outputs(), FunctionCallEntry.class);
	}

	/**
	 * The built-in tools that ran (web search, code interpreter, ...).
	 * @return the executions, in order
	 */
	@JsonIgnore
	default List<ToolExecutionEntry> toolExecutions() {
		return ConversationOutputs.of(outputs(), ToolExecutionEntry.class);
	}

	/**
	 * The handoffs between agents.
	 * @return the handoffs, in order
	 */
	@JsonIgnore
	default List<AgentHandoffEntry> handoffs() {
		return ConversationOutputs.of(outputs(), AgentHandoffEntry.class);
	}

	/**
	 * The text of the answer, for observations that record content.
	 * @return the text
	 */
	@JsonIgnore
	@Override
	default String observedOutput() {
		return text();
	}

}
