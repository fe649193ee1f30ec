package dev.mistralboot.client.conversations;

import java.util.List;
import java.util.Objects;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The requests of the conversations operations, shared by the blocking and the reactive
 * client, with the defaults (agent or model) a client applies to the conversations it
 * starts.
 *
 * @param defaultAgentId the agent of conversations that name neither agent nor model
 * @param defaultModel the model of conversations that name neither agent nor model (when
 * there is no default agent)
 */
record ConversationRequests(@Nullable String defaultAgentId, @Nullable String defaultModel) {

	static final String CONVERSATIONS = "/v1/conversations";

	static final String CONVERSATION = CONVERSATIONS + "/{conversation_id}";

	/** The operation of start, append and restart (observed as {@code invoke_agent}). */
	static final String START = "conversations.start";

	static final String APPEND = "conversations.append";

	static final String RESTART = "conversations.restart";

	ConversationRequests {
		ConversationChecks.notBlank(defaultAgentId, "defaultAgentId (mistral.conversations.agent-id)");
		ConversationChecks.notBlank(defaultModel, "defaultModel (mistral.conversations.model)");
	}

	ApiRequest start(ConversationRequest request, boolean stream) {
		Objects.requireNonNull(request, "request");
		ConversationRequest.Builder effective = request.toBuilder().stream(stream ? Boolean.TRUE : null);
		if (request.agentId() == null && request.model() == null) {
			if (this.defaultAgentId != null) {
				effective.agentId(this.defaultAgentId);
			}
			else if (this.defaultModel != null) {
				effective.model(this.defaultModel);
			}
			else {
				throw new IllegalArgumentException("A conversation needs an agent or a model: set agentId(...) or "
						+ "model(...) on the request, or a default (mistral.conversations.agent-id or "
						+ "mistral.conversations.model)");
			}
		}
		ConversationRequest body = effective.build();
		return ApiRequest.post(CONVERSATIONS).operation(START).model(body.model()).json(body).build();
	}

	static ApiRequest append(String conversationId, AppendConversationRequest request, boolean stream) {
		Objects.requireNonNull(request, "request");
		AppendConversationRequest body = request.toBuilder().stream(stream ? Boolean.TRUE : null).build();
		return ApiRequest.post(CONVERSATION, id(conversationId)).operation(APPEND).json(body).build();
	}

	static ApiRequest restart(String conversationId, RestartConversationRequest request, boolean stream) {
		Objects.requireNonNull(request, "request");
		RestartConversationRequest body = request.toBuilder().stream(stream ? Boolean.TRUE : null).build();
		return ApiRequest.post(CONVERSATION + "/restart", id(conversationId)).operation(RESTART).json(body).build();
	}

	static ApiRequest list(ListConversationsRequest request) {
		Objects.requireNonNull(request, "request");
		return ApiRequest.get(CONVERSATIONS)
			.operation("conversations.list")
			.query("page", request.page())
			.query("page_size", request.pageSize())
			.query("metadata", request.metadataJson())
			.build();
	}

	static ApiRequest get(String conversationId) {
		return ApiRequest.get(CONVERSATION, id(conversationId)).operation("conversations.get").build();
	}

	static ApiRequest delete(String conversationId) {
		return ApiRequest.of(HttpMethod.DELETE, CONVERSATION, id(conversationId))
			.operation("conversations.delete")
			.build();
	}

	static ApiRequest history(String conversationId) {
		return ApiRequest.get(CONVERSATION + "/history", id(conversationId)).operation("conversations.history").build();
	}

	static ApiRequest messages(String conversationId) {
		return ApiRequest.get(CONVERSATION + "/messages", id(conversationId))
			.operation("conversations.messages")
			.build();
	}

	static String id(@Nullable String conversationId) {
		return ConversationChecks.id(conversationId, "conversationId");
	}

	/**
	 * A list answer as a {@link Page} (the API sends no total).
	 *
	 * @param <T> the item type
	 * @param data the items
	 */
	record ListPage<T>(List<T> data) implements Page<T> {

		@Override
		public @Nullable Long total() {
			return null;
		}

	}

}
